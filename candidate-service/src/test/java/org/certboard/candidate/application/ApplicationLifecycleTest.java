package org.certboard.candidate.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.certboard.candidate.eligibility.Check;
import org.certboard.candidate.eligibility.Decision;
import org.certboard.candidate.eligibility.Outcome;
import org.certboard.candidate.eligibility.Verdict;
import org.certboard.events.Actor;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.platform.domain.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's lifecycle as tables, without Quarkus or a database: every transition from every status, the
 * state it leaves, the event it announces, and the ones it refuses (409, nothing changed).
 */
class ApplicationLifecycleTest {
    private static final LocalDate SUBMITTED_ON = LocalDate.parse("2026-06-01");
    private static final LocalDate TODAY = LocalDate.parse("2026-07-15");
    private static final Instant SUBMITTED_AT = Instant.parse("2026-06-01T14:00:00Z");
    private static final Instant NOW = Instant.parse("2026-07-15T15:30:00.123456Z");
    private static final Period AUTHORISATION = Period.ofMonths(12);
    private static final Actor CANDIDATE = new Actor("ada", "candidate");
    private static final Actor STAFF = new Actor("grace", "staff");
    private static final List<Check> CHECKS = List.of(new Check("LICENCE", Outcome.PASSED, "RN until 2030-01-01"),
            new Check("EXPERIENCE_ANY_SUPERVISOR_24_MONTHS", Outcome.REVIEW, "met only with self-employment"));

    @ParameterizedTest(name = "submitted, the rules say {0}")
    @CsvSource(nullValues = "-", textBlock = """
            APPROVED,     LICENCE_ANY_SUPERVISOR_24_MONTHS, 2027-06-01, RN, LICENCE_ANY_SUPERVISOR_24_MONTHS, RN
            UNDER_REVIEW, LICENCE_ANY_SUPERVISOR_24_MONTHS, -,          RN, -,                                -
            DENIED,       -,                                -,          -,  -,                                -
            """)
    void aSubmissionIsDecidedAtOnce(Verdict verdict, String pathway, LocalDate authorisedUntil, String licenceType,
            String announcedPathway, String announcedLicenceType) {
        UUID candidateId = UUID.randomUUID();
        Application.Submitted submitted = Application.submit(candidateId, "CCM", true,
                new Decision(verdict, pathway, authorisedUntil, CHECKS, licenceType), SUBMITTED_ON, SUBMITTED_AT,
                CANDIDATE);

        Application application = submitted.application();
        assertThat(application.status.name()).isEqualTo(verdict.name());
        assertThat(application.pathway).isEqualTo(pathway);
        assertThat(application.authorisedUntil).isEqualTo(authorisedUntil);
        assertThat(application.submittedOn).isEqualTo(SUBMITTED_ON);
        assertThat(application.decidedAt).isEqualTo(SUBMITTED_AT);
        assertThat(application.submittedBy()).isEqualTo(CANDIDATE);
        assertThat(application.decidedBy()).as("only the rules decided").isNull();
        assertThat(application.checks).extracting(CheckView::rule)
                .containsExactly("LICENCE", "EXPERIENCE_ANY_SUPERVISOR_24_MONTHS");
        assertThat(submitted.event()).isEqualTo(new EligibilityDecided(candidateId, application.id, verdict.name(),
                announcedPathway, authorisedUntil, SUBMITTED_AT, announcedLicenceType, null));
    }

    @ParameterizedTest(name = "{0} decided by staff: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            UNDER_REVIEW, true,  APPROVED,  LICENCE_ANY_SUPERVISOR_24_MONTHS, 2027-07-15, PASSED
            UNDER_REVIEW, false, DENIED,    -,                                -,          FAILED
            APPROVED,     true,  refused,   -,                                -,          -
            APPROVED,     false, refused,   -,                                -,          -
            DENIED,       true,  refused,   -,                                -,          -
            WITHDRAWN,    false, refused,   -,                                -,          -
            """)
    void staffDecideOnlyAnApplicationUnderReview(ApplicationStatus from, boolean approve, String to, String pathway,
            LocalDate authorisedUntil, Outcome staffCheck) {
        Application application = in(from);

        if (to.equals("refused")) {
            assertRefused(() -> application.decide(approve, "hours verified", STAFF, TODAY, AUTHORISATION, NOW),
                    application, from, "Application not under review");
            return;
        }
        EligibilityDecided event = application.decide(approve, "hours verified", STAFF, TODAY, AUTHORISATION, NOW);

        assertThat(application.status.name()).isEqualTo(to);
        assertThat(application.pathway).isEqualTo(pathway);
        assertThat(application.authorisedUntil).as("runs from the staff decision").isEqualTo(authorisedUntil);
        assertThat(application.decidedAt).isEqualTo(NOW);
        assertThat(application.decisionReason).isEqualTo("hours verified");
        assertThat(application.decidedBy()).isEqualTo(STAFF);
        assertThat(application.checks).last().isEqualTo(new CheckView("STAFF_REVIEW", approve, staffCheck,
                (approve ? "approved" : "denied") + " by staff on 2026-07-15: hours verified"));
        assertThat(event).isEqualTo(new EligibilityDecided(application.candidateId, application.id, to, pathway,
                authorisedUntil, NOW, approve ? "RN" : null, STAFF));
    }

    @ParameterizedTest(name = "{0} withdrawn: {1}")
    @CsvSource(textBlock = """
            APPROVED,     WITHDRAWN
            UNDER_REVIEW, refused
            DENIED,       refused
            WITHDRAWN,    refused
            """)
    void staffWithdrawOnlyAnApproval(ApplicationStatus from, String to) {
        Application application = in(from);

        if (to.equals("refused")) {
            assertRefused(() -> application.withdraw("licence revoked", STAFF, NOW), application, from,
                    "Application not approved");
            return;
        }
        EligibilityDecided event = application.withdraw("licence revoked", STAFF, NOW);

        assertThat(application.status).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(application.pathway).isNull();
        assertThat(application.authorisedUntil).isNull();
        assertThat(application.decidedBy()).isEqualTo(STAFF);
        assertThat(event).isEqualTo(new EligibilityDecided(application.candidateId, application.id, "WITHDRAWN", null,
                null, NOW, null, STAFF));
    }

    /** Every decision of an application to another program, by the rules or by staff, announces that program. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "ACM", "TPX" })
    void everyDecisionAnnouncesTheApplicationsProgram(String program) {
        Application.Submitted submitted = Application.submit(UUID.randomUUID(), program, true,
                new Decision(Verdict.UNDER_REVIEW, "LICENCE_ANY_SUPERVISOR_24_MONTHS", null, CHECKS, "RN"),
                SUBMITTED_ON, SUBMITTED_AT, CANDIDATE);
        Application application = submitted.application();
        assertThat(application.program).isEqualTo(program);
        assertThat(submitted.event().program()).isEqualTo(program);

        EligibilityDecided approved = application.decide(true, "hours verified", STAFF, TODAY, Period.ofMonths(6),
                NOW);
        assertThat(approved).as("the program's authorisation period").isEqualTo(new EligibilityDecided(
                application.candidateId, application.id, "APPROVED", "LICENCE_ANY_SUPERVISOR_24_MONTHS",
                TODAY.plusMonths(6), NOW, "RN", STAFF, program));
        assertThat(application.withdraw("licence revoked", STAFF, NOW).program()).isEqualTo(program);
        assertThat(in(ApplicationStatus.UNDER_REVIEW, program).decide(false, "no", STAFF, TODAY, AUTHORISATION, NOW)
                .program()).isEqualTo(program);
    }

    /** An application in {@code status}, with the fields a submission (and, past review, a decision) left. */
    private static Application in(ApplicationStatus status) {
        return in(status, "CCM");
    }

    private static Application in(ApplicationStatus status, String program) {
        Verdict verdict = status == ApplicationStatus.UNDER_REVIEW ? Verdict.UNDER_REVIEW
                : status == ApplicationStatus.DENIED ? Verdict.DENIED : Verdict.APPROVED;
        Application application = Application.submit(UUID.randomUUID(), program, true,
                new Decision(verdict, verdict == Verdict.DENIED ? null : "LICENCE_ANY_SUPERVISOR_24_MONTHS",
                        verdict == Verdict.APPROVED ? SUBMITTED_ON.plus(AUTHORISATION) : null, CHECKS, "RN"),
                SUBMITTED_ON, SUBMITTED_AT, CANDIDATE).application();
        if (status == ApplicationStatus.WITHDRAWN) {
            application.withdraw("earlier withdrawal", STAFF, SUBMITTED_AT.plusSeconds(60));
        }
        return application;
    }

    private static void assertRefused(Runnable transition, Application application, ApplicationStatus from,
            String title) {
        Instant decidedAt = application.decidedAt;
        List<CheckView> checks = application.checks;
        LocalDate authorisedUntil = application.authorisedUntil;

        Refusal refused = catchThrowableOfType(Refusal.class, transition::run);

        assertThat(refused.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refused.title()).isEqualTo(title);
        assertThat(application.status).as("unchanged").isEqualTo(from);
        assertThat(application.decidedAt).isEqualTo(decidedAt);
        assertThat(application.checks).isEqualTo(checks);
        assertThat(application.authorisedUntil).isEqualTo(authorisedUntil);
    }
}
