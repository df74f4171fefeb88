package org.certboard.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.certboard.platform.testing.ServiceRules;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;

/**
 * The package dependency rule of renewal-service, as its doc states it at its top: higher packages first,
 * {@code →} points down, packages separated by a comma stand on the same level and do not use each other. A package
 * uses only packages below it, there are no cycles, and resources only translate HTTP.
 */
class DependencyRuleTest {
    static final String RULE = "renewal: rules, replay, program → listener → issuance → verification, me, clock"
            + " → recertification → credential, ce → certification → candidate → calendar, config";
    private static final String ROOT = "org.certboard.renewal";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The rule's levels, highest first; each level the packages on it. */
    static List<List<String>> levels() {
        String chain = RULE.substring(RULE.indexOf(':') + 1);
        return Arrays.stream(chain.split("→"))
                .map(level -> Arrays.stream(level.split(",")).map(String::strip).toList())
                .toList();
    }

    /** ServiceRules 4: a class that consumes a channel is named a Listener (docs/architecture.md, "Inside a service"). */
    @Test
    void consumersAreListeners() {
        org.certboard.platform.testing.ServiceRules.consumersAreListeners(ROOT).check(MAIN);
    }

    @Test
    void theDocStatesTheRuleAtItsTop() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "renewal-service.md"));

        assertThat(doc.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst())
                .hasValue("`" + RULE + "`");
    }

    @Test
    void everyPackageIsPlacedByTheRule() {
        Set<String> placed = levels().stream().flatMap(List::stream).collect(Collectors.toSet());
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName)
                .map(name -> name.equals(ROOT) ? "(root)" : name.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(placed).containsExactlyInAnyOrderElementsOf(packages);
    }

    @Test
    void noPackageUsesOneAboveIt() {
        List<List<String>> levels = levels();
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        for (String name : levels.stream().flatMap(List::stream).toList()) {
            layers = layers.layer(name).definedBy(ROOT + "." + name + "..");
        }
        List<String> above = new ArrayList<>();
        for (List<String> level : levels) {
            for (String name : level) {
                layers = above.isEmpty() ? layers.whereLayer(name).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(name).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            above.addAll(level);
        }
        layers.check(MAIN);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void resourcesOnlyTranslateHttp() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus.hibernate..", "org.hibernate..",
                        "jakarta.persistence..")
                .because("a resource calls services; SQL and sessions live in repositories and services")
                .check(MAIN);
    }

    @Test
    void onlyRepositoriesWriteSql() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .should().callMethodWhere(DescribedPredicate.describe(
                        "a native query", call -> call.getName().equals("createNativeQuery")))
                .because("each aggregate's SQL lives in its repository")
                .check(MAIN);
    }

    /** The suite's one persistence style: plain entities, loaded and saved through their repositories. */
    @Test
    void entitiesAreNotActiveRecords() {
        ServiceRules.entitiesAreNotActiveRecords(ROOT).check(MAIN);
    }

    /** A state change is a method of the aggregate (e.g. {@code Certification.caughtUpTo}, not the clock job). */
    @Test
    void entityFieldsAreWrittenByTheirEntity() {
        ServiceRules.entityFieldsAreWrittenByTheirEntity(ROOT).check(MAIN);
    }

    /**
     * Below the resources a refusal is a {@code Refusal}; only resources speak HTTP (a request filter such as the
     * public rate limit's 429 counts as one).
     */
    @Test
    void problemsStayInTheResourceLayer() {
        ServiceRules.problemsStayInTheResourceLayer(ROOT).check(MAIN);
    }

    /** See platform's NativeSelect: Hibernate Reactive would add a query plan for every execution. */
    @Test
    void nativeSelectsGoThroughNativeSelect() {
        noClasses().should().callMethod(Mutiny.Session.class, "createNativeQuery", String.class, Class.class)
                .check(MAIN);
    }
}
