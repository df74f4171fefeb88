package org.certboard.exam.result;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.exam.booking.AttemptHistory;
import org.certboard.exam.booking.Booking;
import org.certboard.exam.booking.BookingFacts;
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

    /** What recording results needs to know of some bookings, by booking id; an unknown booking is in neither map. */
    public record Known(Map<UUID, BookingFacts> bookings, Map<UUID, Recorded> recorded) {
    }

    /** The bookings' facts and the results already recorded for them, in one query. */
    public Uni<Known> known(Collection<UUID> bookingIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select b.id, b.candidate_id, b.program, b.status, s.starts_at, w.pass_mark,
                    r.booking_id is not null, r.scaled_score, r.no_show
                from booking b join sitting s on s.id = b.sitting_id join exam_window w on w.id = s.window_id
                    left join exam_result r on r.booking_id = b.id
                where b.id = any(:ids)""", Object[].class)
                .setParameter("ids", bookingIds.toArray(new UUID[0])).getResultList())
                .map(rows -> {
                    Map<UUID, BookingFacts> bookings = new HashMap<>(rows.size() * 2);
                    Map<UUID, Recorded> recorded = new HashMap<>();
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        bookings.put(id, new BookingFacts((UUID) row[1], (String) row[2],
                                Booking.Status.valueOf(row[3].toString()), instant(row[4]), (Integer) row[5]));
                        if ((Boolean) row[6]) {
                            recorded.put(id, new Recorded((Integer) row[7], (Boolean) row[8]));
                        }
                    }
                    return new Known(bookings, recorded);
                });
    }

    /**
     * Claims the results' bookings and inserts the results of those it claimed, in one statement; answers how many
     * it inserted. The claim is the sat transition, set-based: BOOKED becomes COMPLETED in one conditional update. Its
     * row lock makes a concurrent recording of the same booking wait, then find it no longer BOOKED, so a count
     * short of the results means another request recorded one of them meanwhile: the caller rolls back.
     * <p>
     * The columns travel as arrays and unnest() turns them back into rows. One request is one recorder's, so the
     * recorder travels once.
     */
    public Uni<Integer> insertClaimed(List<ExamResult> results, Instant now) {
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
                with claimed as (
                    update booking set status = 'COMPLETED'
                    where id = any(cast(:bookings as uuid[])) and status = 'BOOKED'
                    returning id)
                insert into exam_result (id, booking_id, candidate_id, program, scaled_score, passed, no_show,
                    exam_date, recorded_at, recorded_by_subject, recorded_by_role)
                select t.id, t.booking_id, t.candidate_id, t.program, t.scaled_score, t.passed, false, t.exam_date,
                    cast(:now as timestamptz), :recorderSubject, :recorderRole
                from unnest(cast(:ids as uuid[]), cast(:bookings as uuid[]), cast(:candidates as uuid[]),
                    cast(:programs as text[]), cast(:scores as integer[]), cast(:passed as boolean[]),
                    cast(:dates as date[]))
                    as t(id, booking_id, candidate_id, program, scaled_score, passed, exam_date)
                    join claimed on claimed.id = t.booking_id""")
                .setParameter("ids", ids).setParameter("bookings", bookings).setParameter("candidates", candidates)
                .setParameter("programs", programs)
                .setParameter("scores", scores).setParameter("passed", passed).setParameter("dates", dates)
                .setParameter("now", now).setParameter("recorderSubject", results.get(0).recordedBySubject)
                .setParameter("recorderRole", results.get(0).recordedByRole).executeUpdate());
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

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime moment ? moment.toInstant() : (Instant) value;
    }
}
