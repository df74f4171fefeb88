package org.certboard.exam.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.exam.booking.AttemptHistory;
import org.certboard.exam.booking.RetakePolicy;
import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The {@code exam_result} table. Every method runs in the caller's session (and transaction, for the writes). */
@ApplicationScoped
public class ResultRepository implements PanacheRepositoryBase<ExamResult, UUID>, AttemptHistory {

    /** What is already recorded for a booking, as far as recording its result is concerned. */
    public record Recorded(Integer scaledScore, boolean noShow) {
    }

    /** The results already recorded for these bookings, by booking id. */
    public Uni<Map<UUID, Recorded>> recorded(Collection<UUID> bookingIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select booking_id, scaled_score, no_show from exam_result where booking_id = any(:ids)",
                Object[].class)
                .setParameter("ids", bookingIds.toArray(new UUID[0])).getResultList())
                .map(rows -> {
                    Map<UUID, Recorded> recorded = new HashMap<>();
                    for (Object[] row : rows) {
                        recorded.put((UUID) row[0], new Recorded((Integer) row[1], (Boolean) row[2]));
                    }
                    return recorded;
                });
    }

    /**
     * One statement for all rows: the columns travel as arrays and unnest() turns them back into rows. One import is
     * one recorder's, so the recorder travels once.
     */
    public Uni<Void> insertScored(List<ExamResult> results, Instant now) {
        int n = results.size();
        UUID[] ids = new UUID[n];
        UUID[] bookings = new UUID[n];
        UUID[] candidates = new UUID[n];
        String[] programs = new String[n];
        Integer[] scores = new Integer[n];
        Boolean[] passed = new Boolean[n];
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            ExamResult r = results.get(i);
            ids[i] = r.id;
            bookings[i] = r.bookingId;
            candidates[i] = r.candidateId;
            programs[i] = r.program;
            scores[i] = r.scaledScore;
            passed[i] = r.passed;
            dates[i] = r.examDate;
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into exam_result (id, booking_id, candidate_id, program, scaled_score, passed, no_show,
                    exam_date, recorded_at, recorded_by_subject, recorded_by_role)
                select id, booking_id, candidate_id, program, scaled_score, passed, false, exam_date,
                    cast(:now as timestamptz), :recorderSubject, :recorderRole
                from unnest(cast(:ids as uuid[]), cast(:bookings as uuid[]), cast(:candidates as uuid[]),
                    cast(:programs as text[]), cast(:scores as integer[]), cast(:passed as boolean[]),
                    cast(:dates as date[]))
                    as t(id, booking_id, candidate_id, program, scaled_score, passed, exam_date)""")
                .setParameter("ids", ids).setParameter("bookings", bookings).setParameter("candidates", candidates)
                .setParameter("programs", programs)
                .setParameter("scores", scores).setParameter("passed", passed).setParameter("dates", dates)
                .setParameter("now", now).setParameter("recorderSubject", results.get(0).recordedBySubject)
                .setParameter("recorderRole", results.get(0).recordedByRole).executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<List<RetakePolicy.Attempt>> attempts(UUID candidateId, String program) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select b.applicationId, r.examDate, w.closesOn, r.passed
                from ExamResult r, Booking b, Sitting s, ExamWindow w
                where b.id = r.bookingId and s.id = b.sittingId and w.id = s.windowId
                  and b.candidateId = :candidate and b.program = :program""", Object[].class)
                .setParameter("candidate", candidateId).setParameter("program", program)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new RetakePolicy.Attempt((UUID) row[0], (LocalDate) row[1],
                        (LocalDate) row[2], (Boolean) row[3])).toList());
    }

    /** A candidate's attempts, oldest first: by exam date, then recording time; the id breaks ties. */
    public PanacheQuery<ExamResult> ofCandidate(UUID candidateId) {
        return find("candidateId", Sort.by("examDate").and("recordedAt").and("id"), candidateId);
    }
}
