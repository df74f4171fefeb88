package org.certboard.exam.result;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code exam_result} table. Every instance method runs in the caller's session (and transaction, for the
 * writes); the static ones are for the SQL client, outside any session.
 */
@ApplicationScoped
public class ResultRepository implements PanacheRepositoryBase<ExamResult, UUID>, AttemptHistory {

    /** What is already recorded for a booking, as far as recording its result is concerned. */
    public record Recorded(Integer scaledScore, boolean noShow) {
    }

    /** What recording results needs to know of some bookings, by booking id; an unknown booking is in neither map. */
    public record Known(Map<UUID, BookingFacts> bookings, Map<UUID, Recorded> recorded) {
    }

    // the bookings' facts and the results already recorded for them; %s: the ids, as one array
    private static final String KNOWN = """
            select b.id, b.candidate_id, b.program, b.status, s.starts_at, w.pass_mark,
                r.booking_id is not null, r.scaled_score, r.no_show
            from booking b join sitting s on s.id = b.sitting_id join exam_window w on w.id = s.window_id
                left join exam_result r on r.booking_id = b.id
            where b.id = any(%s)""";
    private static final String KNOWN_IN_SESSION = KNOWN.formatted(":ids");
    private static final String KNOWN_ON_CLIENT = KNOWN.formatted("$1");

    /** The bookings' facts and the results already recorded for them, in one query of the caller's session. */
    public Uni<Known> known(Collection<UUID> bookingIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, KNOWN_IN_SESSION, Object[].class)
                .setParameter("ids", bookingIds.toArray(new UUID[0])).getResultList())
                .map(ResultRepository::known);
    }

    /** As {@link #known(Collection)}, on the SQL client, outside any session. */
    public static Uni<Known> known(SqlClient sql, Collection<UUID> bookingIds) {
        return sql.preparedQuery(KNOWN_ON_CLIENT).execute(Tuple.of(bookingIds.toArray(new UUID[0])))
                .map(rows -> {
                    List<Object[]> read = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        Object[] columns = new Object[row.size()];
                        for (int i = 0; i < columns.length; i++) {
                            columns[i] = row.getValue(i);
                        }
                        read.add(columns);
                    }
                    return known(read);
                });
    }

    private static Known known(List<Object[]> rows) {
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
    }

    /**
     * Results' claims and inserts as a change of one statement ({@link Outbox#writeForChanged}), returning the ids of
     * the results written; the bookings must be distinct. The statement first locks the candidates' authorisations, as
     * {@link org.certboard.exam.eligibility.AuthorisationRepository#lockCandidatesOf} does for a transaction and in its
     * order, so that a booking of the same candidate runs wholly before it or sees its result; then the claim (BOOKED
     * becomes COMPLETED) reads each booking as it stands once locked, so a booking cancelled or recorded meanwhile is
     * not claimed and its result not written. The claim's always-true {@code count(*) >= 0} is what runs the lock
     * first: PostgreSQL runs a plain {@code select} in a {@code with} only when something reads it.
     */
    public static Outbox.Change claimed(List<ExamResult> results) {
        Columns c = Columns.of(results);
        return new Outbox.Change("""
                locked as (select candidate_id from authorisation where candidate_id = any(cast($3 as uuid[]))
                    order by candidate_id, program for update),
                claimed as (update booking set status = 'COMPLETED' where id = any(cast($2 as uuid[]))
                    and status = 'BOOKED' and (select count(*) from locked) >= 0 returning id)""", """
                insert into exam_result (id, booking_id, candidate_id, program, scaled_score, passed, no_show,
                    exam_date, recorded_at, recorded_by_subject, recorded_by_role)
                select t.id, t.booking_id, t.candidate_id, t.program, t.scaled_score, t.passed, false, t.exam_date,
                    t.recorded_at, t.subject, t.role
                from unnest(cast($1 as uuid[]), cast($2 as uuid[]), cast($3 as uuid[]), cast($4 as text[]),
                    cast($5 as integer[]), cast($6 as boolean[]), cast($7 as date[]), cast($8 as timestamptz[]),
                    cast($9 as text[]), cast($10 as text[]))
                    as t(id, booking_id, candidate_id, program, scaled_score, passed, exam_date, recorded_at, subject,
                        role)
                    join claimed on claimed.id = t.booking_id
                returning id""",
                Tuple.tuple().addValue(c.ids()).addValue(c.bookings()).addValue(c.candidates())
                        .addValue(c.programs()).addValue(c.scores()).addValue(c.passed()).addValue(c.dates())
                        .addValue(c.recordedAt()).addValue(c.subjects()).addValue(c.roles()));
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
        Columns c = Columns.of(results);
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
                .setParameter("ids", c.ids()).setParameter("bookings", c.bookings())
                .setParameter("candidates", c.candidates()).setParameter("programs", c.programs())
                .setParameter("scores", c.scores()).setParameter("passed", c.passed()).setParameter("dates", c.dates())
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

    /** Scored results, column by column, for unnest(). */
    private record Columns(UUID[] ids, UUID[] bookings, UUID[] candidates, String[] programs, Integer[] scores,
            Boolean[] passed, LocalDate[] dates, OffsetDateTime[] recordedAt, String[] subjects, String[] roles) {

        static Columns of(List<ExamResult> results) {
            int n = results.size();
            Columns c = new Columns(new UUID[n], new UUID[n], new UUID[n], new String[n], new Integer[n],
                    new Boolean[n], new LocalDate[n], new OffsetDateTime[n], new String[n], new String[n]);
            for (int i = 0; i < n; i++) {
                ExamResult r = results.get(i);
                c.ids[i] = r.id;
                c.bookings[i] = r.bookingId;
                c.candidates[i] = r.candidateId;
                c.programs[i] = r.program;
                c.scores[i] = r.scaledScore;
                c.passed[i] = r.passed;
                c.dates[i] = r.examDate;
                c.recordedAt[i] = OffsetDateTime.ofInstant(r.recordedAt, ZoneOffset.UTC);
                c.subjects[i] = r.recordedBySubject;
                c.roles[i] = r.recordedByRole;
            }
            return c;
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime moment ? moment.toInstant() : (Instant) value;
    }
}
