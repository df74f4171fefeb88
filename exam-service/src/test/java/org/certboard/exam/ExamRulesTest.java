package org.certboard.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.certboard.exam.booking.Cutoff;
import org.certboard.exam.booking.RetakePolicy;
import org.certboard.exam.booking.RetakePolicy.Attempt;
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

    @ParameterizedTest(name = "{0} failed attempts, next window opens {1} day(s) after the last closed -> {2}")
    @CsvSource({ "0, 0, ALLOWED", "1, 0, TOO_SOON_AFTER_FAIL", "1, 1, ALLOWED", "1, -10, TOO_SOON_AFTER_FAIL",
            "2, 1, ALLOWED", "3, 1, ATTEMPTS_EXHAUSTED", "4, 100, ATTEMPTS_EXHAUSTED" })
    void retakesComeFromALaterWindowAndAreLimited(int fails, int daysAfterLastClose, Verdict verdict) {
        List<Attempt> attempts = Collections.nCopies(fails, new Attempt(D, false));
        assertThat(new RetakePolicy(3).check(attempts, D.plusDays(daysAfterLastClose))).isEqualTo(verdict);
    }

    @Test
    void noRetakeAfterAPassAndTheLimitIsConfigurable() {
        assertThat(new RetakePolicy(3).check(List.of(new Attempt(D, true)), D.plusYears(1)))
                .isEqualTo(Verdict.ALREADY_PASSED);
        assertThat(new RetakePolicy(1).check(List.of(new Attempt(D, false)), D.plusYears(1)))
                .isEqualTo(Verdict.ATTEMPTS_EXHAUSTED);
        assertThatThrownBy(() -> new RetakePolicy(0)).isInstanceOf(IllegalArgumentException.class);
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
        assertThat(ImportRows.check(rows.get(0), SCALE)).isEqualTo(new ImportRows.Rejected(2, "bookingId: not a UUID"));
        assertThat(ImportRows.check(rows.get(1), SCALE)).isInstanceOf(ImportRows.Rejected.class);
        assertThatThrownBy(() -> ImportRows.fromCsv("booking,score\nx,1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImportRows.fromCsv("")).isInstanceOf(IllegalArgumentException.class);
    }
}
