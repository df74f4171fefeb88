package org.certboard.candidate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.certboard.devstack.testing.OpenApiContract;
import org.certboard.platform.testing.ServiceRules;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/**
 * The dependency rule under the title of docs/candidate-service.md, checked on the compiled classes: every package
 * of the service has its place in it, none uses a package to its left, and there are no cycles. Also: only
 * repositories talk to the database, and resources only translate HTTP.
 */
class ArchitectureTest {
    private static final String ROOT = "org.certboard.candidate";
    private static final String RULE_PREFIX = "candidate: ";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** The packages of the rule, higher first. */
    static List<String> rule() {
        List<String> doc;
        try {
            doc = Files.readAllLines(OpenApiContract.repoRoot().resolve("docs/candidate-service.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The first line after the title.
        String line = doc.stream().skip(1).filter(l -> !l.isBlank()).findFirst().orElse("").replace("`", "").strip();
        assertThat(line).as("the line under the title of docs/candidate-service.md states the dependency rule")
                .startsWith(RULE_PREFIX);
        return Arrays.stream(line.substring(RULE_PREFIX.length()).split("→")).map(String::strip).toList();
    }

    @Test
    void everyPackageHasItsPlaceInTheRule() {
        Set<String> packages = MAIN.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(MAIN.stream().filter(c -> c.getPackageName().equals(ROOT))).as("classes outside any package")
                .isEmpty();
        assertThat(packages).containsExactlyInAnyOrderElementsOf(rule());
    }

    @Test
    void noPackageUsesOneAboveIt() {
        List<String> layers = rule();
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : layers) {
            architecture = architecture.layer(layer).definedBy(ROOT + "." + layer + "..");
        }
        for (int i = 0; i < layers.size(); i++) {
            architecture = i == 0 ? architecture.whereLayer(layers.get(0)).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(layers.get(i))
                            .mayOnlyBeAccessedByLayers(layers.subList(0, i).toArray(String[]::new));
        }
        architecture.check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Queries are a repository's: outside one, no HQL string reaches a repository's Panache methods ({@code find},
     * {@code list}, {@code count}, {@code update}, {@code delete} with a query) and nobody takes the session. Services
     * call the repository's named methods, {@code persist} and {@code findById}, and open sessions and transactions.
     */
    @Test
    void onlyRepositoriesTalkToTheDatabase() {
        Set<String> queries = Arrays.stream(PanacheRepositoryBase.class.getMethods())
                .filter(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == String.class)
                .map(Method::getName).collect(Collectors.toSet());
        DescribedPredicate<JavaMethodCall> databaseCall = DescribedPredicate.describe(
                "a query (a Panache repository method given HQL), the session's methods or Panache.getSession",
                call -> call.getTargetOwner().isAssignableTo(PanacheRepositoryBase.class)
                        && queries.contains(call.getName())
                        && !call.getTarget().getRawParameterTypes().isEmpty()
                        && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class)
                        || call.getTargetOwner().isAssignableTo(Mutiny.Session.class)
                        || call.getTargetOwner().isEquivalentTo(Panache.class) && call.getName().equals("getSession"));
        noClasses().that().haveSimpleNameNotEndingWith("Repository").should().callMethodWhere(databaseCall)
                .check(MAIN);
    }

    @Test
    void resourcesOnlyTranslateHttp() {
        noClasses().that().haveSimpleNameEndingWith("Resource").should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus.hibernate..", "org.hibernate..", "jakarta.persistence..")
                .check(MAIN);
    }

    /** One way to persist: plain entities, each loaded and saved through its {@code PanacheRepositoryBase}. */
    @Test
    void entitiesAreNotActiveRecords() {
        ServiceRules.entitiesAreNotActiveRecords(ROOT).check(MAIN);
    }

    /** State changes through the aggregate's own methods, never by another class setting its fields. */
    @Test
    void entityFieldsAreWrittenByTheirEntity() {
        ServiceRules.entityFieldsAreWrittenByTheirEntity(ROOT).check(MAIN);
    }

    /** Below the resources a refusal is a {@code Refusal}; only resources speak problem documents. */
    @Test
    void problemsStayInTheResourceLayer() {
        ServiceRules.problemsStayInTheResourceLayer(ROOT).check(MAIN);
    }

    @Test
    void consumersAreListeners() {
        ServiceRules.consumersAreListeners(ROOT).check(MAIN);
    }

    /** See platform's NativeSelect: Hibernate Reactive would add a query plan for every execution. */
    @Test
    void nativeSelectsGoThroughNativeSelect() {
        noClasses().should().callMethod(Mutiny.Session.class, "createNativeQuery", String.class, Class.class)
                .check(MAIN);
    }
}
