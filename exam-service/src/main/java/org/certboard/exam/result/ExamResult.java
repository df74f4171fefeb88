package org.certboard.exam.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.scoring.ScoreScale;

/**
 * One attempt's outcome, in its booking's program; at most one per booking (unique in the database). A no-show has no
 * score.
 */
@Entity
public class ExamResult {
    @Id
    public UUID id;
    public UUID bookingId;
    public UUID candidateId;
    public String program;
    public Integer scaledScore;
    public boolean passed;
    public boolean noShow;
    public LocalDate examDate;
    public Instant recordedAt;
    public String recordedBySubject;
    public String recordedByRole;

    /**
     * Passed when the score reaches the pass mark in force: the form's ({@code formPassMark}) or the program's
     * ({@code scale}, the program's).
     */
    public static ExamResult scored(UUID bookingId, UUID candidateId, String program, int score, ScoreScale scale,
            Integer formPassMark, LocalDate examDate, Instant now, Actor recordedBy) {
        ExamResult result = recorded(bookingId, candidateId, program, examDate, now, recordedBy);
        result.scaledScore = score;
        result.passed = scale.passes(score, formPassMark);
        return result;
    }

    /** A failed attempt without a score. */
    public static ExamResult noShow(UUID bookingId, UUID candidateId, String program, LocalDate examDate,
            Instant now, Actor recordedBy) {
        ExamResult result = recorded(bookingId, candidateId, program, examDate, now, recordedBy);
        result.noShow = true;
        return result;
    }

    private static ExamResult recorded(UUID bookingId, UUID candidateId, String program, LocalDate examDate,
            Instant now, Actor recordedBy) {
        ExamResult result = new ExamResult();
        result.id = UUID.randomUUID();
        result.bookingId = bookingId;
        result.candidateId = candidateId;
        result.program = program;
        result.examDate = examDate;
        result.recordedAt = now;
        result.recordedBySubject = recordedBy.subject();
        result.recordedByRole = recordedBy.role();
        return result;
    }

    /** The event this outcome publishes, exactly once: ExamPassed for a pass, else ExamFailed (a no-show's too). */
    public EventPayload event() {
        return passed
                ? new ExamPassed(candidateId, bookingId, examDate, scaledScore, recordedBy(), program)
                : new ExamFailed(candidateId, bookingId, examDate, scaledScore, noShow, recordedBy(), program);
    }

    /** The vendor account or staff member who recorded the result; null for results recorded before identity. */
    public Actor recordedBy() {
        return recordedBySubject == null ? null : new Actor(recordedBySubject, recordedByRole);
    }
}
