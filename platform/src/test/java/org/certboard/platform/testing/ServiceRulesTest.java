package org.certboard.platform.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** Each service rule fails on a fixture that breaks it and passes on one that keeps it. */
class ServiceRulesTest {
    private static final String FIXTURES = "org.certboard.platform.archfixture.service";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    static Stream<Function<String, ArchRule>> rules() {
        return Stream.of(ServiceRules::entitiesAreNotActiveRecords, ServiceRules::entityFieldsAreWrittenByTheirEntity,
                ServiceRules::problemsStayInTheResourceLayer, ServiceRules::consumersAreListeners);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void failsOnTheFixtureThatBreaksIt(Function<String, ArchRule> rule) {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> rule.apply(FIXTURES + ".broken").check(CLASSES));
        assertTrue(failure.getMessage().contains(FIXTURES + ".broken"), failure.getMessage());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void passesOnTheFixtureThatKeepsIt(Function<String, ArchRule> rule) {
        assertDoesNotThrow(() -> rule.apply(FIXTURES + ".plain").check(CLASSES));
    }
}
