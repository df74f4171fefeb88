package org.certboard.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.certboard.exam.booking.Cutoff;
import org.certboard.exam.booking.RetakePolicy;
import org.certboard.exam.booking.RetakePolicy.Attempt;
import org.certboard.exam.booking.RetakePolicy.Period;
import org.certboard.exam.booking.RetakePolicy.Verdict;
import org.certboard.exam.eligibility.AuthorisationRule;
import org.certboard.exam.result.ImportRows;
import org.certboard.exam.scoring.ScoreScale;
import org.certboard.exam.window.WindowRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exam's domain rules, at and around their boundaries. */
class ExamRulesTest {
    private static final ScoreScale SCALE = new ScoreScale(200, 800, 500);
    private static final LocalDate D = LocalDate.of(2027, 4, 30);
    private static final UUID AUTHORISATION = UUID.randomUUID();

    @ParameterizedTest(name = "score {0}, form pass mark {1} -> passed {2}")
    @CsvSource(nullValues = "null", value = { "499, null, false", "500, null, true", "501, null, true",
            "200, null, false", "800, null, true", "549, 550, false", "550, 550, true", "450, 450, true",
            "449, 450, false" })
    void passesAtAndAboveThePassMarkInForce(int score, Integer formPassMark, boolean passed) {
        assertThat(SCALE.passes(score, formPassMark)).isEqualTo(passed);
    }

    @ParameterizedTest(name = "score {0} on the scale: {1}")
    @CsvSource({ "199, false", "200, true", "800, true", "801, false", "-1, false" })
    void scoresOutsideTheScaleAreRefused(int score, boolean onScale) {
        assertThat(SCALE.contains(score)).isEqualTo(onScale);
    }

    @Test
    void anInconsistentScaleIsRefused() {
        assertThatThrownBy(() -> new ScoreScale(800, 200, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreScale(200, 800, 801)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} before the start: open {1}")
    @CsvSource({ "PT48H, true", "PT24H0.000000001S, true", "PT24H, true", "PT23H59M59.999999999S, false",
            "PT1H, false", "PT0S, false", "-PT1H, false" })
    void bookingIsOpenUntilExactlyTheCutoff(Duration beforeStart, boolean open) {
        Instant startsAt = Instant.parse("2027-04-15T13:00:00Z");
        assertThat(new Cutoff(Duration.ofHours(24)).open(startsAt.minus(beforeStart), startsAt)).isEqualTo(open);
    }

    @Test
    void aNegativeCutoffIsRefused() {
        assertThatThrownBy(() -> new Cutoff(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** CCM's rule, and ACM's in the same calendar year: the same numbers, a different period. */
    @ParameterizedTest(name = "{3}: {0} failed attempts, next window opens {1} day(s) after the last closed -> {2}")
    @CsvSource({ "0, 0, ALLOWED, AUTHORISATION", "1, 0, TOO_SOON_AFTER_FAIL, AUTHORISATION",
            "1, 1, ALLOWED, AUTHORISATION", "1, -10, TOO_SOON_AFTER_FAIL, AUTHORISATION",
            "2, 1, ALLOWED, AUTHORISATION", "3, 1, ATTEMPTS_EXHAUSTED, AUTHORISATION",
            "4, 100, ATTEMPTS_EXHAUSTED, AUTHORISATION",
            "0, 0, ALLOWED, CALENDAR_YEAR", "1, 0, TOO_SOON_AFTER_FAIL, CALENDAR_YEAR",
            "1, 1, ALLOWED, CALENDAR_YEAR", "1, -10, TOO_SOON_AFTER_FAIL, CALENDAR_YEAR",
            "2, 1, ALLOWED, CALENDAR_YEAR", "3, 1, ATTEMPTS_EXHAUSTED, CALENDAR_YEAR",
            "4, 100, ATTEMPTS_EXHAUSTED, CALENDAR_YEAR" })
    void retakesComeFromALaterWindowAndAreLimited(int fails, int daysAfterLastClose, Verdict verdict,
            Period per) {
        List<Attempt> attempts = Collections.nCopies(fails, new Attempt(AUTHORISATION, D, D, false));
        assertThat(new RetakePolicy(3, per).check(attempts, target(AUTHORISATION, D.plusDays(daysAfterLastClose))))
                .isEqualTo(verdict);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "AUTHORISATION", "CALENDAR_YEAR" })
    void noRetakeAfterAPassAndTheLimitIsConfigurable(Period per) {
        assertThat(new RetakePolicy(3, per).check(List.of(new Attempt(AUTHORISATION, D, D, true)),
                target(AUTHORISATION, D.plusDays(30)))).isEqualTo(Verdict.ALREADY_PASSED);
        assertThat(new RetakePolicy(1, per).check(List.of(new Attempt(AUTHORISATION, D, D, false)),
                target(AUTHORISATION, D.plusDays(30)))).isEqualTo(Verdict.ATTEMPTS_EXHAUSTED);
        assertThatThrownBy(() -> new RetakePolicy(0, per)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Three fails in 2027 under one authorisation: CCM's period is the authorisation (a new one starts afresh, the
     * year is no matter), ACM's the calendar year of the sitting (January resets, a new authorisation does not).
     */
    @ParameterizedTest(name = "{0}, next sitting on {1}, under a new authorisation {2} -> {3}")
    @CsvSource({ "AUTHORISATION, 2027-12-20, false, ATTEMPTS_EXHAUSTED",
            "AUTHORISATION, 2028-01-10, false, ATTEMPTS_EXHAUSTED",
            "AUTHORISATION, 2027-12-20, true, ALLOWED",
            "CALENDAR_YEAR, 2027-12-20, false, ATTEMPTS_EXHAUSTED",
            "CALENDAR_YEAR, 2027-12-20, true, ATTEMPTS_EXHAUSTED",
            "CALENDAR_YEAR, 2028-01-10, false, ALLOWED",
            "CALENDAR_YEAR, 2028-01-10, true, ALLOWED" })
    void theRetakePeriodIsTheAuthorisationOrTheCalendarYear(Period per, LocalDate sittingDate,
            boolean newAuthorisation, Verdict verdict) {
        List<Attempt> fails = List.of(new Attempt(AUTHORISATION, LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 28),
                false), new Attempt(AUTHORISATION, LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 31), false),
                new Attempt(AUTHORISATION, LocalDate.of(2027, 9, 10), LocalDate.of(2027, 9, 30), false));
        UUID under = newAuthorisation ? UUID.randomUUID() : AUTHORISATION;
        assertThat(new RetakePolicy(3, per).check(fails, new RetakePolicy.Target(under, sittingDate,
                sittingDate.withDayOfMonth(1)))).isEqualTo(verdict);
    }

    /** A window spanning New Year: a fail in December bars the rest of that window in January as well. */
    @Test
    void aFailBarsItsWindowAcrossNewYear() {
        Attempt december = new Attempt(AUTHORISATION, LocalDate.of(2027, 12, 20), LocalDate.of(2028, 1, 15), false);
        RetakePolicy acm = new RetakePolicy(3, Period.CALENDAR_YEAR);
        assertThat(acm.check(List.of(december), new RetakePolicy.Target(AUTHORISATION, LocalDate.of(2028, 1, 10),
                LocalDate.of(2027, 12, 15)))).isEqualTo(Verdict.TOO_SOON_AFTER_FAIL);
        assertThat(acm.check(List.of(december), new RetakePolicy.Target(AUTHORISATION, LocalDate.of(2028, 2, 10),
                LocalDate.of(2028, 2, 1)))).isEqualTo(Verdict.ALLOWED);
    }

    @ParameterizedTest(name = "exam.retakes.per={0} -> {1}")
    @CsvSource({ "AUTHORISATION, AUTHORISATION", "CALENDAR_YEAR, CALENDAR_YEAR", "calendar_year, CALENDAR_YEAR" })
    void theRetakePeriodIsReadFromConfiguration(String configured, Period period) {
        assertThat(Period.of(configured)).isEqualTo(period);
    }

    @Test
    void anUnknownRetakePeriodNamesTheKeyAndTheValuesAllowed() {
        assertThatThrownBy(() -> Period.of("YEARLY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exam.retakes.per").hasMessageContaining("CALENDAR_YEAR");
    }

    /** A sitting on {@code sittingDate} in a window opening that day, under {@code authorisation}. */
    private static RetakePolicy.Target target(UUID authorisation, LocalDate sittingDate) {
        return new RetakePolicy.Target(authorisation, sittingDate, sittingDate);
    }

    @ParameterizedTest(name = "opens {0}, closes {1}: valid {2}")
    @CsvSource({ "2027-04-01, 2027-04-30, true", "2027-04-01, 2027-04-01, true", "2027-04-02, 2027-04-01, false" })
    void aWindowMayNotCloseBeforeItOpens(LocalDate opensOn, LocalDate closesOn, boolean valid) {
        assertThat(WindowRules.validDates(opensOn, closesOn)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} in April: {1}")
    @CsvSource({ "2027-03-31, false", "2027-04-01, true", "2027-04-30, true", "2027-05-01, false" })
    void windowsIncludeBothEnds(LocalDate day, boolean inside) {
        assertThat(WindowRules.contains(LocalDate.of(2027, 4, 1), D, day)).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} until {1}, sitting on {2}: {3}")
    @CsvSource(nullValues = "null", value = { "APPROVED, 2027-04-30, 2027-04-30, true",
            "APPROVED, 2027-04-30, 2027-05-01, false", "APPROVED, null, 2027-04-01, false",
            "DENIED, 2027-04-30, 2027-04-01, false", "WITHDRAWN, 2027-04-30, 2027-04-01, false",
            "UNDER_REVIEW, 2027-04-30, 2027-04-01, false" })
    void onlyAnApprovedDecisionAuthorisesAndOnlyUntilItsDate(String status, LocalDate until, LocalDate day,
            boolean permitted) {
        assertThat(AuthorisationRule.permits(status, until, day)).isEqualTo(permitted);
    }

    @Test
    void csvRowsKeepTheirFileLineAndAWrongHeaderIsRefused() {
        List<ImportRows.Row> rows = ImportRows.fromCsv("\uFEFFbookingId,scaledScore\r\na,1\r\n\r\nb,2,3\nc,700\n");
        assertThat(rows).extracting(ImportRows.Row::line).containsExactly(2, 4, 5);
        assertThat(ImportRows.check(rows.get(0))).isEqualTo(new ImportRows.Rejected(2, "bookingId: not a UUID"));
        assertThat(ImportRows.check(rows.get(1))).isInstanceOf(ImportRows.Rejected.class);
        ImportRows.Valid valid = (ImportRows.Valid) ImportRows.check(new ImportRows.Row(7, UUID.randomUUID()
                .toString(), "801"));
        assertThat(ImportRows.onScale(valid, SCALE)).isEqualTo(new ImportRows.Rejected(7,
                "scaledScore: must be between 200 and 800"));
        assertThat(ImportRows.onScale(valid, new ScoreScale(0, 1000, 700))).isNull();
        assertThatThrownBy(() -> ImportRows.fromCsv("booking,score\nx,1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImportRows.fromCsv("")).isInstanceOf(IllegalArgumentException.class);
    }
}
