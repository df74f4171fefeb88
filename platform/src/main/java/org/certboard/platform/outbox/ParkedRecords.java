package org.certboard.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.sql.HeldRow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Outbox records the relay parked because Kafka refused them for good, each holding back the later records of its
 * key: the operator lists them, and re-sends or discards one, which releases the records behind it. Each method runs
 * in the caller's session or transaction.
 */
@ApplicationScoped
public class ParkedRecords {

    /** A parked record; {@code waitingBehind} counts the later unsent records of its key. */
    public record ParkedRecord(UUID id, String topic, String key, String type, Instant parkedAt, String reason,
            long waitingBehind) {
    }

    public Uni<Page<ParkedRecord>> page(PageRequest paging) {
        return Panache.getSession().chain(session -> paging.fetch(session, """
                select p.id, p.topic, p.event_key, p.type, p.parked_at, p.park_reason,
                    (select count(*) from outbox_event w where w.event_key = p.event_key and w.published_at is null
                        and w.parked_at is null and w.seq > p.seq)
                from outbox_event p where p.parked_at is not null and p.published_at is null order by p.seq
                limit :size offset :offset""",
                "select count(*) from outbox_event where parked_at is not null and published_at is null",
                HeldRow.reader(ParkedRecord::new)));
    }

    /** Back to the relay, which sends it (and the records behind it) in order. */
    public Uni<Void> resend(UUID id) {
        return update(id, "update outbox_event set parked_at = null where id = :id and parked_at is not null"
                + " and published_at is null");
    }

    /** Given up for good: marked published with the reason kept; the records behind it follow. */
    public Uni<Void> discard(UUID id) {
        return update(id, "update outbox_event set published_at = clock_timestamp(),"
                + " park_reason = 'discarded by the operator: ' || park_reason"
                + " where id = :id and parked_at is not null and published_at is null");
    }

    private static Uni<Void> update(UUID id, String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("id", id).executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        throw ProblemException.notFound("parked outbox record", id);
                    }
                })
                .replaceWithVoid();
    }
}
