package org.certboard.platform.inbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.sql.HeldRow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The operator's list of dead letters: what this service gave up on, oldest first, with what waits behind each. */
@ApplicationScoped
public class DeadLetters {

    /** A dead letter still parked; {@code waitingBehind} counts the later events of its key held back by it. */
    public record DeadLetter(UUID eventId, String topic, String key, String type, Instant parkedAt, String reason,
            long waitingBehind) {
    }

    /** Runs in the caller's session. */
    public Uni<Page<DeadLetter>> page(PageRequest paging) {
        return Panache.getSession().chain(session -> paging.fetch(session, """
                select d.event_id, d.topic, d.event_key, d.type, d.parked_at, d.reason,
                    (select count(*) from parked_event w where w.topic = d.topic and w.event_key = d.event_key
                        and w.seq > d.seq)
                from parked_event d where d.dead_letter and not d.republished order by d.seq
                limit :size offset :offset""",
                "select count(*) from parked_event where dead_letter and not republished",
                HeldRow.reader(DeadLetter::new)));
    }
}
