package org.certboard.candidate.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** Writes the mail once: a redelivered event finds its Message-ID and writes nothing. */
    Uni<Void> insert(MailRow row) {
        return execute("""
                insert into mail (message_id, event_id, candidate_id, recipient, kind, ref, subject, text_body,
                    html_body, status, next_attempt_at, occurred_at, created_at)
                values (:messageId, :eventId, :candidateId, :recipient, :kind, :ref, :subject, :textBody, :htmlBody,
                    :status, :createdAt, :occurredAt, :createdAt)
                on conflict (message_id) do nothing""", Map.ofEntries(Map.entry("messageId", row.messageId()),
                Map.entry("eventId", row.eventId()), Map.entry("candidateId", row.candidateId()),
                Map.entry("recipient", row.recipient() == null ? "" : row.recipient()),
                Map.entry("kind", row.kind().name()), Map.entry("ref", row.ref() == null ? "" : row.ref()),
                Map.entry("subject", row.subject()), Map.entry("textBody", row.textBody()),
                Map.entry("htmlBody", row.htmlBody()), Map.entry("status", row.status().name()),
                Map.entry("occurredAt", row.occurredAt()), Map.entry("createdAt", row.createdAt())))
                .replaceWithVoid();
    }

    /** Whether the booking already had its confirmation (or a move) mailed: a later ExamBooked of it is a move. */
    Uni<Boolean> bookingMailed(UUID candidateId, String bookingId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select count(*) from mail where candidate_id = :candidate and ref = :ref
                    and kind in ('BOOKING_CONFIRMED', 'BOOKING_MOVED')""", Long.class)
                .setParameter("candidate", candidateId).setParameter("ref", bookingId)
                .getSingleResult().map(count -> count > 0));
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
