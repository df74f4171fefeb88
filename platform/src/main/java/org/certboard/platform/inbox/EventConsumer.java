package org.certboard.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.apache.kafka.common.header.Headers;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.InvalidEventException;
import org.certboard.platform.kafka.KafkaCloudEvents;
import org.certboard.platform.outbox.OutboxWakeUp;
import org.certboard.platform.sql.NativeSelect;
import org.certboard.platform.tracing.TraceParent;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consumes one Kafka message idempotently. The event id (ce_id) is recorded in {@code processed_event} in the same
 * transaction as the handler's effect, so a redelivery is a no-op. A message that cannot be read or breaks its
 * schema is nacked, which the channel's dead-letter-queue strategy sends to {@code certboard.<service>.dlq} with the
 * reason in its headers; the consumer then moves on. A transient failure (database or network down) is retried
 * with backoff, holding the partition so that order is kept; anything else is retried a few times, then
 * dead-lettered.
 * <p>
 * A dead-lettered event is also parked with its key ({@link DeadLetterParking}): later events of the same topic and
 * key wait in {@code parked_event} until the operator re-publishes or discards it, so that a person's events are
 * never applied past one that failed. Other keys flow on.
 * <p>
 * A channel consumed in batches ({@code batch=true}) hands each poll to {@link #consumeBatch}: the records are applied
 * in one transaction, in offset order, with one statement for the whole poll's parking check and dedupe, and as sets
 * ({@link EventHandlers#inSets}); if anything in it fails, the transaction rolls back and each record goes through
 * {@link #consume} alone, so retries, dead letters and parking stay per event.
 * <p>
 * Call from an {@code @Incoming} method annotated {@code @ActivateRequestContext} that takes {@code Message<String>}
 * (or {@code KafkaRecordBatch<String, String>} for a batch channel). A projection replay hands its records to
 * {@link #consumeReplayed} with the listener's own handlers.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    private final Clock clock;
    private final DeadLetterParking parking;
    private final Tracer tracer;
    private final OutboxWakeUp wakeUp;

    public EventConsumer(Clock clock, DeadLetterParking parking, Tracer tracer, OutboxWakeUp wakeUp) {
        this.clock = clock;
        this.parking = parking;
        this.tracer = tracer;
        this.wakeUp = wakeUp;
    }

    /** Consumes {@code message} with the handler of its event type, in one transaction with its dedupe record. */
    public Uni<Void> consume(Message<String> message, EventHandlers handlers) {
        IncomingEvent readable;
        InvalidEventException unreadable;
        try {
            readable = read(message);
            unreadable = null;
        } catch (InvalidEventException e) {
            readable = null;
            unreadable = e;
        }
        IncomingEvent event = readable;
        InvalidEventException invalid = unreadable;
        DeadLetterParking.RawEvent raw = DeadLetterParking.RawEvent.of(message);
        if (raw == null && invalid != null) {
            // without a key and CloudEvents id there is nothing to park or send back: dead letter only
            LOG.warnf("dead-lettering an unreadable event: %s", invalid.getMessage());
            return Uni.createFrom().completionStage(message.nack(invalid));
        }
        Span span = processingSpan(message, raw != null ? raw.type() : event.type().type(),
                raw != null ? raw.id() : event.id());
        // a set handler writes what the event causes with its traceparent (IncomingEvent.causes), not the current span
        IncomingEvent traced = event != null ? event.traced(TraceParent.header(span)) : null;
        return Uni.createFrom().deferred(() -> {
            // Current while the handler builds its work, so that the events it writes to the outbox carry this trace.
            try (Scope ignored = span.makeCurrent()) {
                // an unreadable event whose key is parked waits behind the dead letter like any other
                return Panache.withTransaction(() -> decide(raw).chain(decision -> invalid != null && applies(decision)
                        ? Uni.createFrom().failure(invalid) : apply(traced, raw, decision, handlers)));
            }
        })
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .onFailure(failure -> !(failure instanceof InvalidEventException)).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(ATTEMPTS_BEFORE_DEAD_LETTER - 1)
                .onItemOrFailure().transformToUni((done, failure) -> {
                    if (failure == null) {
                        span.end();
                        // what the handler wrote to the outbox has committed: publish it now, not at the next poll
                        wakeUp.committed();
                        handlers.committed();
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, "dead-lettered");
                    span.end();
                    LOG.warnf(failure, "dead-lettering event %s (%s); later events of key %s wait for the operator",
                            raw != null ? raw.id() : event.id(), raw != null ? raw.type() : event.type().type(),
                            raw != null ? raw.key() : "(none)");
                    return parkDeadLetter(raw, failure)
                            .chain(() -> Uni.createFrom().completionStage(message.nack(failure)));
                });
    }

    /**
     * Consumes one record a projection replay re-reads ({@code platform.replay}), exactly as {@link #consume} does for
     * the live channel; the request context a listener's {@code @Incoming} method would have opened is opened here.
     */
    @ActivateRequestContext
    public Uni<Void> consumeReplayed(Message<String> message, EventHandlers handlers) {
        return consume(message, handlers);
    }

    /**
     * Consumes one poll of a batch channel: all its records in one transaction, in offset order per partition; on any
     * failure, one by one with {@link #consume}. The batch is acknowledged once every record is applied or
     * dead-lettered.
     */
    public Uni<Void> consumeBatch(KafkaRecordBatch<String, String> batch, EventHandlers handlers) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (nothingToApply(records, handlers)) {
            // a transaction would only record the ids of events that change nothing here, which a repeat could not
            // change either: most polls of a consumer that takes a few types of a busy topic
            return Uni.createFrom().completionStage(batch.ack());
        }
        List<Span> spans = new ArrayList<>(records.size());
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> applyAll(records, handlers, spans)))
                .invoke(() -> {
                    spans.forEach(Span::end);
                    wakeUp.committed();
                    handlers.committed();
                })
                .onFailure().recoverWithUni(failure -> {
                    spans.forEach(Span::end);
                    LOG.debugf("a batch of %d records failed (%s): applying them one by one", records.size(),
                            failure.toString());
                    return oneByOne(records, handlers);
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * The usual poll, whose keys have nothing parked: one statement records every event id and says which are new;
     * then the new ones are applied as sets ({@link EventHandlers#inSets}). The same statement finds a parked key,
     * and then records nothing: such a poll is applied event by event, each with its own parking decision.
     */
    private Uni<Void> applyAll(List<KafkaRecord<String, String>> records, EventHandlers handlers, List<Span> spans) {
        return Uni.createFrom().item(() -> {
            List<Polled> polled = new ArrayList<>(records.size());
            for (KafkaRecord<String, String> record : records) {
                // an unreadable record fails the poll: consume() dead-letters it on its own
                IncomingEvent event = read(record);
                Span span = processingSpan(record, event.type().type(), event.id());
                spans.add(span);
                polled.add(new Polled(event.traced(TraceParent.header(span)), DeadLetterParking.RawEvent.of(record),
                        span));
            }
            return polled;
        }).chain(polled -> firstDeliveriesUnlessParked(polled).chain(firstIds -> firstIds.isPresent()
                ? applyNew(polled, firstIds.get(), handlers) : applyEach(polled, handlers)));
    }

    private record Polled(IncomingEvent event, DeadLetterParking.RawEvent raw, Span span) {
    }

    private Uni<Void> applyNew(List<Polled> polled, List<UUID> firstIds, EventHandlers handlers) {
        Set<UUID> unseen = new HashSet<>(firstIds);
        // a relay that published an event twice may put both copies in one poll: the first one applies
        List<Polled> fresh = polled.stream().filter(p -> unseen.remove(p.event().id())).toList();
        return applyFirst(fresh, handlers)
                .chain(() -> handlers.handleEveryDelivery(polled.stream().map(Polled::event).toList()))
                .chain(EventConsumer::flushAndClear);
    }

    private Uni<Void> applyFirst(List<Polled> fresh, EventHandlers handlers) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // a poll of one keeps its span current, as a single event's consumption does
        Span current = fresh.size() == 1 ? fresh.get(0).span() : Span.getInvalid();
        return within(current, () -> handlers.handleAll(fresh.stream().map(Polled::event).toList()))
                .chain(EventConsumer::flushAndClear);
    }

    private Uni<Void> applyEach(List<Polled> polled, EventHandlers handlers) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Polled one : polled) {
            done = done.chain(() -> within(one.span(), () -> decide(one.raw())
                    .chain(decision -> apply(one.event(), one.raw(), decision, handlers)))
                    .chain(EventConsumer::flushAndClear));
        }
        return done;
    }

    /** Builds the work with {@code span} current, so that the events it writes to the outbox carry its trace. */
    private static Uni<Void> within(Span span, Supplier<Uni<Void>> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        }
    }

    /**
     * Writes what the event changed and empties the session: a flush compares every entity the session holds, so a
     * batch that kept them all would pay for each earlier event again at every later one.
     */
    private static Uni<Void> flushAndClear() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    /**
     * True when every record is a known event type without a handler here. A record whose envelope or type cannot be
     * read is not: the poll goes its usual way, which dead-letters it.
     */
    private static boolean nothingToApply(List<KafkaRecord<String, String>> records, EventHandlers handlers) {
        for (KafkaRecord<String, String> record : records) {
            Optional<EventType> type;
            try {
                type = record.getMetadata(IncomingKafkaRecordMetadata.class)
                        .flatMap(metadata -> EventType.ofType(KafkaCloudEvents.envelope(metadata.getHeaders()).type()));
            } catch (InvalidEventException e) {
                return false;
            }
            if (type.isEmpty() || handlers.handles(type.get())) {
                return false;
            }
        }
        return true;
    }

    /** Each record alone; the batch's acknowledgement covers them, so a record's own only counts for dead letters. */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, EventHandlers handlers) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : records) {
            done = done.chain(() -> consume(record.withAck(() -> CompletableFuture.completedFuture(null)), handlers));
        }
        return done;
    }

    private Uni<Void> apply(IncomingEvent event, DeadLetterParking.RawEvent raw, DeadLetterParking.Decision decision,
            EventHandlers handlers) {
        if (!applies(decision)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> applied = firstDelivery(event)
                .chain(first -> first ? handlers.handle(event) : Uni.createFrom().voidItem())
                .chain(() -> handlers.handleEveryDelivery(List.of(event)));
        return decision == DeadLetterParking.Decision.REPLAY ? applied.chain(() -> parking.replayed(raw)) : applied;
    }

    private static boolean applies(DeadLetterParking.Decision decision) {
        return decision == DeadLetterParking.Decision.APPLY || decision == DeadLetterParking.Decision.REPLAY;
    }

    private Uni<DeadLetterParking.Decision> decide(DeadLetterParking.RawEvent raw) {
        return raw == null ? Uni.createFrom().item(DeadLetterParking.Decision.APPLY) : parking.decide(raw);
    }

    /** In its own transaction, retried while the database is away: a dead letter must not go unparked. */
    private Uni<Void> parkDeadLetter(DeadLetterParking.RawEvent raw, Throwable failure) {
        if (raw == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> parking.parkDeadLetter(raw,
                failure.toString())))
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely();
    }

    /**
     * A consumer span that continues the trace of the request whose change produced the event (the relay copies the
     * outbox row's traceparent into the record's headers).
     */
    private Span processingSpan(Message<String> message, String type, UUID id) {
        Context parent = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> TraceParent.of(metadata.getHeaders()))
                .orElse(Context.root());
        return tracer.spanBuilder(type + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", String.valueOf(id))
                .startSpan();
    }

    /**
     * In one statement, unless a key of the poll has events parked ({@link DeadLetterParking}): records the events'
     * ids and returns those recorded now, the events not seen before. With a parked key it records nothing and returns
     * empty. Runs in the caller's transaction.
     */
    private Uni<Optional<List<UUID>>> firstDeliveriesUnlessParked(List<Polled> polled) {
        List<DeadLetterParking.RawEvent> keyed = polled.stream().map(Polled::raw).filter(Objects::nonNull).toList();
        List<IncomingEvent> events = polled.stream().map(Polled::event).toList();
        // a parked key answers one null row and stops the insert; otherwise the ids inserted
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                with parked as (
                    select 1 from parked_event where (topic, event_key) in (
                        select * from unnest(cast(:topics as text[]), cast(:keys as text[]))) limit 1),
                recorded as (
                    insert into processed_event (event_id, type, source, processed_at)
                    select id, type, source, cast(:at as timestamptz)
                    from unnest(cast(:ids as uuid[]), cast(:types as text[]), cast(:sources as text[]))
                        as t(id, type, source)
                    where not exists (select 1 from parked)
                    on conflict do nothing
                    returning event_id)
                select event_id from recorded
                union all
                select null from parked""", UUID.class)
                .setParameter("topics", keyed.stream().map(DeadLetterParking.RawEvent::topic).toArray(String[]::new))
                .setParameter("keys", keyed.stream().map(DeadLetterParking.RawEvent::key).toArray(String[]::new))
                .setParameter("ids", events.stream().map(IncomingEvent::id).toArray(UUID[]::new))
                .setParameter("types", events.stream().map(event -> event.type().type()).toArray(String[]::new))
                .setParameter("sources", events.stream().map(IncomingEvent::source).toArray(String[]::new))
                .setParameter("at", clock.instant())
                .getResultList())
                .map(ids -> ids.contains(null) ? Optional.empty() : Optional.of(ids));
    }

    /** Records the event id; true the first time, false for a repeat. Runs in the caller's transaction. */
    private Uni<Boolean> firstDelivery(IncomingEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into processed_event (event_id, type, source, processed_at) values (:id, :type, :source, :at)"
                        + " on conflict do nothing")
                .setParameter("id", event.id())
                .setParameter("type", event.type().type())
                .setParameter("source", event.source())
                .setParameter("at", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** The CloudEvent a Kafka record carries, its payload read as its type's record; refuses what is none. */
    public static IncomingEvent read(Message<String> message) {
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseThrow(() -> new InvalidEventException("not a Kafka record"));
        KafkaCloudEvents.Envelope envelope = KafkaCloudEvents.envelope(headers);
        EventType type = EventType.ofType(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        return new IncomingEvent(envelope.id(), type, envelope.source(), envelope.subject(), envelope.time(),
                EventCodec.read(type, message.getPayload()));
    }
}
