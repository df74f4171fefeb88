package org.certboard.exam.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.events.Actor;
import org.certboard.exam.booking.Booking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One attempt's outcome; at most one per booking (unique in the database). A no-show has no score. */
@Entity
@Table(name = "exam_result")
public class ExamResult extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "scaled_score")
    public Integer scaledScore;
    public boolean passed;
    @Column(name = "no_show")
    public boolean noShow;
    @Column(name = "exam_date")
    public LocalDate examDate;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by_subject")
    public String recordedBySubject;
    @Column(name = "recorded_by_role")
    public String recordedByRole;

    public static ExamResult scored(UUID bookingId, UUID candidateId, int score, boolean passed, LocalDate examDate,
            Instant now, Actor recordedBy) {
        ExamResult result = new ExamResult();
        result.id = UUID.randomUUID();
        result.bookingId = bookingId;
        result.candidateId = candidateId;
        result.scaledScore = score;
        result.passed = passed;
        result.examDate = examDate;
        result.recordedAt = now;
        result.recordedBySubject = recordedBy.subject();
        result.recordedByRole = recordedBy.role();
        return result;
    }

    public static ExamResult noShow(Booking booking, LocalDate examDate, Instant now, Actor recordedBy) {
        ExamResult result = new ExamResult();
        result.id = UUID.randomUUID();
        result.bookingId = booking.id;
        result.candidateId = booking.candidateId;
        result.noShow = true;
        result.examDate = examDate;
        result.recordedAt = now;
        result.recordedBySubject = recordedBy.subject();
        result.recordedByRole = recordedBy.role();
        return result;
    }

    /** The vendor account or staff member who recorded the result; null for results recorded before identity. */
    public Actor recordedBy() {
        return recordedBySubject == null ? null : new Actor(recordedBySubject, recordedByRole);
    }
}
