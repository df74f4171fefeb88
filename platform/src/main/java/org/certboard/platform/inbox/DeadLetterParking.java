package org.certboard.platform.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.InvalidEventException;
import org.certboard.platform.kafka.KafkaCloudEvents;
import org.certboard.platform.outbox.OutboxWakeUp;
import org.certboard.platform.sql.NativeSelect;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Keeps a key's events in order around a dead letter. An event this consumer dead-letters is parked in
 * {@code parked_event} (dead_letter), and every later event of the same topic and key is parked behind it (waiting)
 * instead of being applied; other keys flow on. The operator then re-publishes the dead letter (after a fix) or
 * discards it; either sends the waiting events back to their topic through this service's outbox, in order, and
 * they are applied as they come back (their ids are not in {@code processed_event}, so they are not duplicates).
 * All statements run in the caller's transaction.
 */
@ApplicationScoped
public class DeadLetterParking {

    /** What to do with an arriving event of a key. */
    enum Decision {
        /** Nothing of its key is parked: apply it. */
        APPLY,
        /** It is a parked event sent back, first of its key: apply it and release what follows. */
        REPLAY,
        /** Its key is parked: park it behind. */
        WAIT,
        /** It is already parked (a redelivery): nothing to do. */
        ALREADY_PARKED
    }

    /** The CloudEvent as it arrived, enough to park it and publish it again unchanged. */
    record RawEvent(String topic, String key, UUID id, String type, String source, String subject, Instant time,
            String payload) {

        /** Null when the record lacks what parking needs (a key and the CloudEvents attributes). */
        static RawEvent of(Message<String> message) {
            IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElse(null);
            if (kafka == null || kafka.getKey() == null || message.getPayload() == null) {
                return null;
            }
            try {
                KafkaCloudEvents.Envelope envelope = KafkaCloudEvents.envelope(kafka.getHeaders());
                return new RawEvent(kafka.getTopic(), kafka.getKey().toString(), envelope.id(), envelope.type(),
                        envelope.source(), envelope.subject(), envelope.time(), message.getPayload());
            } catch (InvalidEventException e) {
                return null;
            }
        }
    }

    private record Row(UUID id, boolean deadLetter, boolean republished) {
    }

    private final Clock clock;
    private final Counter deadLetters;

    public DeadLetterParking(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.deadLetters = Counter.builder("certboard.consumer.dead.letters")
                .description("Events this service dead-lettered (and parked with their key)").register(registry);
    }

    Uni<Decision> decide(RawEvent event) {
        return rows(event.topic(), event.key()).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(Decision.APPLY);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (!row.id().equals(event.id())) {
                    continue;
                }
                if (!row.republished()) {
                    return Uni.createFrom().item(Decision.ALREADY_PARKED);
                }
                if (i == 0) {
                    return Uni.createFrom().item(Decision.REPLAY);
                }
                // sent back, but an earlier event of its key failed again meanwhile: it waits once more
                return execute("update parked_event set republished = false where event_id = :id",
                        Map.of("id", event.id())).replaceWith(Decision.WAIT);
            }
            return park(event, false, "waiting behind dead letter " + rows.get(0).id()).replaceWith(Decision.WAIT);
        });
    }

    /** After a sent-back event was applied: it leaves the parking, and the events waiting behind it follow. */
    Uni<Void> replayed(RawEvent event) {
        return execute("delete from parked_event where event_id = :id", Map.of("id", event.id()))
                .chain(() -> releaseWaiting(event.topic(), event.key()));
    }

    /** Parks the event as a dead letter: it and everything after it of its key waits for the operator. */
    Uni<Void> parkDeadLetter(RawEvent event, String reason) {
        return park(event, true, reason).invoke(() -> deadLetters.increment());
    }

    private Uni<Void> park(RawEvent event, boolean deadLetter, String reason) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into parked_event (topic, event_key, event_id, type, source, subject, occurred_at, payload,
                    dead_letter, reason)
                values (:topic, :key, :id, :type, :source, :subject, :time, :payload, :deadLetter, :reason)
                on conflict (event_id) do update set dead_letter = excluded.dead_letter, reason = excluded.reason,
                    republished = false""")
                .setParameter("topic", event.topic()).setParameter("key", event.key())
                .setParameter("id", event.id()).setParameter("type", event.type())
                .setParameter("source", event.source()).setParameter("subject", event.subject())
                .setParameter("time", event.time()).setParameter("payload", event.payload())
                .setParameter("deadLetter", deadLetter)
                .setParameter("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), 2000)))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The operator's re-publication: the dead letter goes back to its topic, with the events waiting behind it. */
    public Uni<Void> republish(UUID deadLetter) {
        return deadLetter(deadLetter).chain(parked -> rows(parked.topic(), parked.key()).chain(rows -> {
            if (!rows.get(0).id().equals(deadLetter)) {
                throw org.certboard.platform.problem.ProblemException.conflict("Earlier dead letter",
                        "dead letter " + rows.get(0).id() + " of the same key came first; re-publish or discard it"
                                + " before this one");
            }
            List<UUID> ids = new ArrayList<>();
            ids.add(deadLetter);
            rows.stream().skip(1).takeWhile(row -> !row.deadLetter()).forEach(row -> ids.add(row.id()));
            return sendBack(ids);
        }));
    }

    /**
     * The operator gives the dead letter up: it is recorded as processed (a later copy of it is ignored) and the
     * events waiting behind it are sent back to be applied.
     */
    public Uni<Void> discard(UUID deadLetter) {
        return deadLetter(deadLetter).chain(parked -> execute("""
                insert into processed_event (event_id, type, source, processed_at)
                select event_id, type, source, :at from parked_event where event_id = :id
                on conflict do nothing""", Map.of("id", deadLetter, "at", clock.instant()))
                .chain(() -> execute("delete from parked_event where event_id = :id",
                        Map.of("id", deadLetter)))
                .chain(() -> releaseWaiting(parked.topic(), parked.key())));
    }

    private record Parked(String topic, String key) {
    }

    private Uni<Parked> deadLetter(UUID id) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select topic, event_key from parked_event where event_id = :id and dead_letter and not republished",
                Object[].class).setParameter("id", id).getResultList())
                .map(found -> {
                    if (found.isEmpty()) {
                        throw org.certboard.platform.problem.ProblemException.notFound("dead letter", id);
                    }
                    return new Parked((String) found.get(0)[0], (String) found.get(0)[1]);
                });
    }

    /** Sends back the events at the front of the key that wait, unless some of its events are already on the way. */
    private Uni<Void> releaseWaiting(String topic, String key) {
        return rows(topic, key).chain(rows -> {
            if (rows.isEmpty() || rows.stream().anyMatch(Row::republished)) {
                return Uni.createFrom().voidItem();
            }
            List<UUID> ids = rows.stream().takeWhile(row -> !row.deadLetter()).map(Row::id).toList();
            return ids.isEmpty() ? Uni.createFrom().voidItem() : sendBack(ids);
        });
    }

    /** Through this service's outbox, in parking order, keeping each event's id and attributes. */
    private Uni<Void> sendBack(List<UUID> ids) {
        Map<String, Object> parameters = Map.of("ids", ids.toArray(UUID[]::new));
        return execute("delete from outbox_event where id = any(cast(:ids as uuid[]))", parameters)
                .chain(() -> execute("""
                        insert into outbox_event (id, topic, event_key, type, source, subject, occurred_at, payload)
                        select event_id, topic, event_key, type, source, subject, occurred_at, payload
                        from parked_event where event_id = any(cast(:ids as uuid[])) order by seq""", parameters))
                .chain(() -> execute("update parked_event set republished = true where event_id = any(cast(:ids as uuid[]))",
                        parameters))
                .invoke(OutboxWakeUp::wrote);
    }

    private Uni<List<Row>> rows(String topic, String key) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select event_id, dead_letter, republished from parked_event where topic = :topic and event_key = :key"
                        + " order by seq", Object[].class)
                .setParameter("topic", topic).setParameter("key", key).getResultList())
                .map(found -> found.stream().map(row -> new Row((UUID) row[0], (Boolean) row[1], (Boolean) row[2]))
                        .toList());
    }

    private static Uni<Void> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
