package org.certboard.exam.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.scoring.ScoreScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome of an attempt and the one event it publishes, as a table. */
class ExamResultTest {
    private static final ScoreScale SCALE = new ScoreScale(200, 800, 500);
    private static final LocalDate EXAM_DATE = LocalDate.of(2027, 5, 3);
    private static final Instant NOW = Instant.parse("2027-05-04T09:00:00Z");
    private static final Actor VENDOR = new Actor("vendor-1", "vendor");
    private static final UUID BOOKING = UUID.randomUUID();
    private static final UUID CANDIDATE = UUID.randomUUID();

    /** CCM at the default pass mark, and a program with its own (600): the event names the program. */
    @ParameterizedTest(name = "{3}: score {0}, form pass mark {1} -> {2}")
    @CsvSource(nullValues = "null", value = { "500, null, ExamPassed, CCM", "499, null, ExamFailed, CCM",
            "800, null, ExamPassed, CCM", "200, null, ExamFailed, CCM", "550, 550, ExamPassed, CCM",
            "549, 550, ExamFailed, CCM", "450, 450, ExamPassed, CCM", "449, 450, ExamFailed, CCM",
            "600, null, ExamPassed, TPX", "599, null, ExamFailed, TPX", "550, 550, ExamPassed, TPX",
            "549, 550, ExamFailed, TPX" })
    void aScoreAtOrAboveThePassMarkInForcePassesElseFails(int score, Integer formPassMark, String event,
            String program) {
        ScoreScale scale = program.equals("CCM") ? SCALE : new ScoreScale(200, 800, 600);
        ExamResult result = ExamResult.scored(BOOKING, CANDIDATE, program, score, scale, formPassMark, EXAM_DATE,
                NOW, VENDOR);
        assertThat(result.passed).isEqualTo(event.equals("ExamPassed"));
        assertThat(result.event()).isEqualTo(result.passed
                ? new ExamPassed(CANDIDATE, BOOKING, EXAM_DATE, score, VENDOR, program)
                : new ExamFailed(CANDIDATE, BOOKING, EXAM_DATE, score, false, VENDOR, program));
    }

    @Test
    void aNoShowIsAFailedAttemptWithoutAScore() {
        Actor staff = new Actor("staff-1", "staff");
        ExamResult result = ExamResult.noShow(BOOKING, CANDIDATE, "ACM", EXAM_DATE, NOW, staff);
        assertThat(result.passed).isFalse();
        assertThat(result.scaledScore).isNull();
        assertThat(result.event()).isEqualTo(new ExamFailed(CANDIDATE, BOOKING, EXAM_DATE, null, true, staff,
                "ACM"));
    }
}
