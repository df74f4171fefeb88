package org.certboard.candidate.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.sql.NativeSelect;
import org.certboard.platform.sql.NativeValues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The mail table's statements. Every method runs in the caller's session (or transaction). */
@ApplicationScoped
public class MailRepository {
    private static final String VIEW = """
            select message_id, event_id, candidate_id, kind, recipient, subject, text_body, status, attempts,
                occurred_at, created_at, sent_at, problem_at, problem from mail""";

    /** A mail due to be sent, locked until the caller's transaction ends. */
    record Due(String messageId, String recipient, String subject, String textBody, String htmlBody, int attempts) {
    }

    /** A booking a mail is about: the candidate's, and the booking id as the mail's ref. */
    record Booking(UUID candidateId, String ref) {
    }

    /**
     * Writes the mails with one statement whatever their number, each once: a redelivered event finds its Message-ID
     * and writes nothing. The columns travel as arrays and unnest() turns them back into rows; times as text, cut to
     * the microseconds the columns keep, as a bound timestamp would be.
     */
    Uni<Void> insertAll(List<MailRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into mail (message_id, event_id, candidate_id, recipient, kind, ref, subject, text_body,
                    html_body, status, next_attempt_at, occurred_at, created_at)
                select message_id, event_id, candidate_id, recipient, kind, ref, subject, text_body, html_body, status,
                    created_at, occurred_at, created_at
                from unnest(cast(:messageIds as text[]), cast(:eventIds as uuid[]), cast(:candidateIds as uuid[]),
                    cast(:recipients as text[]), cast(:kinds as text[]), cast(:refs as text[]),
                    cast(:subjects as text[]), cast(:textBodies as text[]), cast(:htmlBodies as text[]),
                    cast(:statuses as text[]), cast(cast(:occurredAt as text[]) as timestamptz[]),
                    cast(cast(:createdAt as text[]) as timestamptz[]))
                    as t(message_id, event_id, candidate_id, recipient, kind, ref, subject, text_body, html_body,
                        status, occurred_at, created_at)
                on conflict (message_id) do nothing""")
                .setParameter("messageIds", column(rows, MailRow::messageId))
                .setParameter("eventIds", rows.stream().map(MailRow::eventId).toArray(UUID[]::new))
                .setParameter("candidateIds", rows.stream().map(MailRow::candidateId).toArray(UUID[]::new))
                .setParameter("recipients", column(rows, row -> row.recipient() == null ? "" : row.recipient()))
                .setParameter("kinds", column(rows, row -> row.kind().name()))
                .setParameter("refs", column(rows, row -> row.ref() == null ? "" : row.ref()))
                .setParameter("subjects", column(rows, MailRow::subject))
                .setParameter("textBodies", column(rows, MailRow::textBody))
                .setParameter("htmlBodies", column(rows, MailRow::htmlBody))
                .setParameter("statuses", column(rows, row -> row.status().name()))
                .setParameter("occurredAt", column(rows, row -> micros(row.occurredAt())))
                .setParameter("createdAt", column(rows, row -> micros(row.createdAt())))
                .executeUpdate())
                .replaceWithVoid();
    }

    private static String[] column(List<MailRow> rows, Function<MailRow, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static String micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /**
     * Which of the bookings already had their confirmation (or a move) mailed, in one query: a later ExamBooked of
     * such a booking is a move.
     */
    Uni<List<Booking>> bookingsMailed(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select distinct m.candidate_id, m.ref
                from mail m join unnest(cast(:candidates as uuid[]), cast(:refs as text[])) as b(candidate_id, ref)
                    on m.candidate_id = b.candidate_id and m.ref = b.ref
                where m.kind in ('BOOKING_CONFIRMED', 'BOOKING_MOVED')""", Object[].class)
                .setParameter("candidates", bookings.stream().map(Booking::candidateId).toArray(UUID[]::new))
                .setParameter("refs", bookings.stream().map(Booking::ref).toArray(String[]::new))
                .getResultList()
                .map(found -> found.stream().map(row -> new Booking((UUID) row[0], (String) row[1])).toList()));
    }

    /** Up to {@code limit} mails due at {@code now}, locked; other senders skip them. */
    Uni<List<Due>> lockDue(Instant now, int limit) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select message_id, recipient, subject, text_body, html_body, attempts from mail
                where status = 'PENDING' and next_attempt_at <= :now order by next_attempt_at
                limit :limit for update skip locked""", Object[].class)
                .setParameter("now", now).setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Due((String) row[0], (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], ((Number) row[5]).intValue())).toList()));
    }

    Uni<Void> sent(String messageId, Instant at) {
        return execute("update mail set status = 'SENT', sent_at = :at, attempts = attempts + 1, problem = null"
                + " where message_id = :id", Map.of("id", messageId, "at", at)).replaceWithVoid();
    }

    Uni<Void> retryAt(String messageId, Instant next, String problem) {
        return execute("update mail set attempts = attempts + 1, next_attempt_at = :next, problem = :problem"
                + " where message_id = :id", Map.of("id", messageId, "next", next, "problem", problem))
                .replaceWithVoid();
    }

    Uni<Void> refused(String messageId, Instant at, String problem) {
        return execute("update mail set status = 'REFUSED', attempts = attempts + 1, problem_at = :at,"
                + " problem = :problem where message_id = :id", Map.of("id", messageId, "at", at, "problem", problem))
                .replaceWithVoid();
    }

    /** Records a bounce report for a mail the server had accepted; false when no such mail was sent. */
    Uni<Boolean> bounced(String messageId, Instant at, String reason) {
        return execute("update mail set status = 'BOUNCED', problem_at = :at, problem = :reason"
                + " where message_id = :id and status in ('SENT', 'BOUNCED')",
                Map.of("id", messageId, "at", at, "reason", reason)).map(count -> count > 0);
    }

    Uni<Page<MailView>> ofCandidate(UUID candidateId, PageRequest paging) {
        return page(" where candidate_id = :candidate", " order by created_at, message_id",
                Map.of("candidate", candidateId), paging);
    }

    /** Refused and bounced mail, latest first: addresses staff should have corrected. */
    Uni<Page<MailView>> problems(PageRequest paging) {
        return page(" where status in ('REFUSED', 'BOUNCED')", " order by problem_at desc, message_id", Map.of(),
                paging);
    }

    private Uni<Page<MailView>> page(String where, String order, Map<String, Object> parameters,
            PageRequest paging) {
        return Panache.getSession().chain(session -> {
            var items = NativeSelect.of(session, VIEW + where + order + " limit :size offset :offset",
                    Object[].class).setParameter("size", paging.size).setParameter("offset", paging.offset());
            var total = NativeSelect.of(session, "select count(*) from mail" + where, Long.class);
            parameters.forEach((name, value) -> {
                items.setParameter(name, value);
                total.setParameter(name, value);
            });
            return items.getResultList().chain(rows -> total.getSingleResult().map(count -> new Page<>(
                    rows.stream().map(MailRepository::view).toList(), paging.page, paging.size, count)));
        });
    }

    private static MailView view(Object[] row) {
        String recipient = (String) row[4];
        return new MailView((String) row[0], (UUID) row[1], (UUID) row[2], MailKind.valueOf((String) row[3]),
                recipient.isEmpty() ? null : recipient, (String) row[5], (String) row[6],
                MailStatus.valueOf((String) row[7]), ((Number) row[8]).intValue(), NativeValues.instant(row[9]),
                NativeValues.instant(row[10]), NativeValues.instant(row[11]), NativeValues.instant(row[12]),
                (String) row[13]);
    }

    private static Uni<Integer> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }
}
