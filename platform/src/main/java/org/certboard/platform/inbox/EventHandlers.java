package org.certboard.platform.inbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

/**
 * What a consumer does with the event types it cares about: one handler that applies the new events of a poll (of the
 * types it names) together, as sets, one statement per table rather than per event ({@link #inSets}); a single event
 * when events are applied one by one (after a failed poll, or in a replay) comes as a list of one. An event of another
 * type is ignored: a topic carries more than any one consumer needs. A poll of only such events is acknowledged
 * without a transaction ({@link EventConsumer#consumeBatch}); in a poll with others, it is recorded as processed with
 * them.
 * <p>
 * Beside them, {@link #withEveryDelivery} adds writes that are idempotent by keys of their own (a mail's Message-ID, a
 * webhook delivery's subscription and event): they take every event that applies, a repeat of one already recorded
 * in {@code processed_event} too, in the same transaction.
 */
public final class EventHandlers {
    private static final String WROTE = "certboard.inbox.every-delivery.wrote";
    private final Function<List<IncomingEvent>, Uni<Void>> sets;
    /** The types the handler takes; the others are ignored. */
    private final Set<EventType> types;
    /** Null, or the writes every delivery gets ({@link #withEveryDelivery}); true when they wrote something. */
    private final Function<List<IncomingEvent>, Uni<Boolean>> everyDelivery;
    /** Run once a unit of work in which {@link #everyDelivery} wrote something has committed. */
    private final Runnable whenWritten;

    private EventHandlers(Function<List<IncomingEvent>, Uni<Void>> sets, Set<EventType> types,
            Function<List<IncomingEvent>, Uni<Boolean>> everyDelivery, Runnable whenWritten) {
        this.sets = sets;
        this.types = types;
        this.everyDelivery = everyDelivery;
        this.whenWritten = whenWritten;
    }

    /**
     * A handler that takes the new events of a poll together, in the poll's order (each key's events in their order),
     * in the consumer's transaction. It keeps each key's order and effects as one-by-one application would, and
     * writes what the events cause with {@link IncomingEvent#causes} so each keeps its trace.
     */
    public static EventHandlers inSets(Function<List<IncomingEvent>, Uni<Void>> handler) {
        return new EventHandlers(handler, EnumSet.allOf(EventType.class), null, null);
    }

    /** The same for a handler that takes only events of these payload types: it is never called with others. */
    @SafeVarargs
    public static EventHandlers inSets(Function<List<IncomingEvent>, Uni<Void>> handler,
            Class<? extends EventPayload>... payloadTypes) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(payloadTypes).map(EventHandlers::typeOf).forEach(types::add);
        return new EventHandlers(handler, types, null, null);
    }

    /**
     * This handler, and {@code writes} besides, which take the events of every delivery that applies here, in the
     * poll's order and each event once, after the handler: first deliveries and repeats alike (a projection replay
     * may have recorded an event before the live consumer came to it). For effects idempotent by their own keys.
     * {@code writes} answers whether it wrote anything; if so, {@code whenWritten} runs once the transaction has
     * committed (to wake what sends the rows written).
     */
    public EventHandlers withEveryDelivery(Function<List<IncomingEvent>, Uni<Boolean>> writes, Runnable whenWritten) {
        return new EventHandlers(sets, types, writes, whenWritten);
    }

    /** Whether an event of this type has anything to apply here. */
    boolean handles(EventType type) {
        return everyDelivery != null || types.contains(type);
    }

    /**
     * Runs the writes of {@link #withEveryDelivery} on these delivered events, each once (a relay that published an
     * event twice may put both copies in one poll), or nothing without any; what they wrote is marked on the unit of
     * work's context (one message or poll) for {@link #committed}.
     */
    Uni<Void> handleEveryDelivery(List<IncomingEvent> delivered) {
        if (everyDelivery == null || delivered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> seen = new HashSet<>();
        List<IncomingEvent> onceEach = delivered.stream().filter(event -> seen.add(event.id())).toList();
        return everyDelivery.apply(onceEach).invoke(wrote -> {
            if (wrote && VertxContext.isOnDuplicatedContext()) {
                ContextLocals.put(WROTE, Boolean.TRUE);
            }
        }).replaceWithVoid();
    }

    /** The unit of work has committed: runs {@code whenWritten} if the writes of every delivery wrote in it. */
    void committed() {
        if (whenWritten != null && VertxContext.isOnDuplicatedContext() && ContextLocals.remove(WROTE)) {
            whenWritten.run();
        }
    }

    /** Runs the handler on one event (in the consumer's transaction), or nothing for a type it does not take. */
    Uni<Void> handle(IncomingEvent event) {
        return handleAll(List.of(event));
    }

    /** Runs the handler on the new events of a poll that are of its types, or nothing when none is. */
    Uni<Void> handleAll(List<IncomingEvent> events) {
        List<IncomingEvent> taken = events.stream().filter(event -> types.contains(event.type())).toList();
        return taken.isEmpty() ? Uni.createFrom().voidItem() : sets.apply(taken);
    }

    private static EventType typeOf(Class<? extends EventPayload> payloadType) {
        return Arrays.stream(EventType.values())
                .filter(type -> type.payloadType().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not an event payload"));
    }
}
