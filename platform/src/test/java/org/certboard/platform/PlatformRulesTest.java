package org.certboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * {@link PlatformRules} hold for the platform's main code, and each of them fails on the fixture under
 * {@code archfixture} that breaks it, so none of them is a check that cannot fail.
 */
class PlatformRulesTest {
    private static final String ROOT = "org.certboard.platform";
    private static final String FIXTURE = ROOT + ".archfixture";
    private static JavaClasses platform;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        platform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void theOutboxDoesNotUseTheInbox() {
        assertThat(PlatformRules.outboxDoesNotUseTheInbox(ROOT).evaluate(platform).getFailureReport().getDetails())
                .isEmpty();
        EvaluationResult broken = PlatformRules.outboxDoesNotUseTheInbox(FIXTURE).evaluate(fixture);
        assertThat(broken.getFailureReport().getDetails()).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).contains("CallsTheInbox").contains("inbox.Retention"));
    }

    @Test
    void onlyTheInboxReadsInboxSettings() {
        assertThat(PlatformRules.inboxSettingsAreReadInTheInbox(ROOT).evaluate(platform).getFailureReport()
                .getDetails()).isEmpty();
        EvaluationResult broken = PlatformRules.inboxSettingsAreReadInTheInbox(FIXTURE).evaluate(fixture);
        assertThat(broken.getFailureReport().getDetails()).singleElement().asString()
                .contains("ReadsInboxSettings").contains("certboard.inbox.retention");
    }

    @Test
    void theOutboxNamesNoInboxTable() {
        assertThat(PlatformRules.inboxTablesNamedUnder(Path.of("src/main/java/org/certboard/platform/outbox")))
                .isEmpty();
        assertThat(PlatformRules.inboxTablesNamedUnder(
                Path.of("src/test/java/org/certboard/platform/archfixture/outbox")))
                .singleElement().asString().startsWith("NamesInboxTables.java:").contains("processed_event");
    }
}
