package org.certboard.exam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certboard.platform.testing.ServiceRules;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * The dependency rule written at the top of docs/exam-service.md, higher packages first: a package may use the
 * packages after it and never one before it, so there is no cycle and no upward import. The line in the document is
 * the rule this test checks, so the two cannot drift apart.
 */
class DependencyRuleTest {
    private static final String ROOT = "org.certboard.exam";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** {@code exam: rules → me → … → (root)}, read from the document; {@code (root)} is the package root itself. */
    static List<String> documentedLayers() throws IOException {
        String doc = Files.readString(Path.of("../docs/exam-service.md"));
        Matcher rule = Pattern.compile("`exam: ([^`]+)`").matcher(doc);
        assertThat(rule.find()).as("the dependency rule line in docs/exam-service.md").isTrue();
        return Arrays.stream(rule.group(1).split("→")).map(String::strip).toList();
    }

    @Test
    void noPackageUsesAHigherOne() throws IOException {
        List<String> layers = documentedLayers();
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : layers) {
            architecture = architecture.layer(layer)
                    .definedBy(layer.equals("(root)") ? ROOT : ROOT + "." + layer + "..");
        }
        architecture = architecture.whereLayer(layers.get(0)).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < layers.size(); i++) {
            architecture = architecture.whereLayer(layers.get(i))
                    .mayOnlyBeAccessedByLayers(layers.subList(0, i).toArray(String[]::new));
        }
        architecture.ensureAllClassesAreContainedInArchitecture().check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Resources translate HTTP; sessions, transactions and queries belong to the services and repositories. */
    @Test
    void resourcesNeitherQueryNorOpenSessions() {
        noClasses().that().haveSimpleNameEndingWith("Resource").should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus.hibernate.reactive.panache..", "org.hibernate..",
                        "jakarta.persistence..")
                .check(classes);
    }

    /** SQL (native or Panache queries) is the repositories': only they reach the session. */
    @Test
    void onlyRepositoriesUseTheSession() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").should()
                .callMethod(Panache.class, "getSession").check(classes);
    }

    /** One way to persist: plain entities, each loaded and saved through its {@code PanacheRepositoryBase}. */
    @Test
    void entitiesAreNotActiveRecords() {
        ServiceRules.entitiesAreNotActiveRecords(ROOT).check(classes);
    }

    /** State changes through the aggregate's own methods, never by another class setting its fields. */
    @Test
    void entityFieldsAreWrittenByTheirEntity() {
        ServiceRules.entityFieldsAreWrittenByTheirEntity(ROOT).check(classes);
    }

    /** Below the resources a refusal is a {@code Refusal}; only resources speak problem documents. */
    @Test
    void problemsStayInTheResourceLayer() {
        ServiceRules.problemsStayInTheResourceLayer(ROOT).check(classes);
    }

    @Test
    void consumersAreListeners() {
        ServiceRules.consumersAreListeners(ROOT).check(classes);
    }

    /** See platform's NativeSelect: Hibernate Reactive would add a query plan for every execution. */
    @Test
    void nativeSelectsGoThroughNativeSelect() {
        noClasses().should().callMethod(Mutiny.Session.class, "createNativeQuery", String.class, Class.class)
                .check(classes);
    }
}
