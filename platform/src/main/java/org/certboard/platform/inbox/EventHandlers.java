package org.certboard.platform.inbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

/**
 * What a consumer does with each event type it cares about, keyed by payload class: the type system, not a switch
 * over type names plus a cast, pairs each event with its handler. An event without a handler is ignored: a topic
 * carries more than any one consumer needs. A poll of only such events is acknowledged without a transaction
 * ({@link EventConsumer#consumeBatch}); in a poll with others, it is recorded as processed with them.
 * <p>
 * A consumer that applies a whole poll as sets (one statement per table, not per event) is built with {@link #inSets}
 * instead: it gets every new event of the poll (of the types it names) at once, and a single one when events are
 * applied one by one.
 * <p>
 * Beside them, {@link #withEveryDelivery} adds writes that are idempotent by keys of their own (a mail's Message-ID, a
 * webhook delivery's subscription and event): they take every event that applies, a repeat of one already recorded
 * in {@code processed_event} too, in the same transaction.
 */
public final class EventHandlers {
    private static final String WROTE = "certboard.inbox.every-delivery.wrote";
    private final Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers;
    private final Function<List<IncomingEvent>, Uni<Void>> sets;
    /** The types a set handler takes; the others are ignored like types without a handler. */
    private final Set<EventType> setTypes;
    /** Null, or the writes every delivery gets ({@link #withEveryDelivery}); true when they wrote something. */
    private final Function<List<IncomingEvent>, Uni<Boolean>> everyDelivery;
    /** Run once a unit of work in which {@link #everyDelivery} wrote something has committed. */
    private final Runnable whenWritten;

    private EventHandlers(Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers,
            Function<List<IncomingEvent>, Uni<Void>> sets, Set<EventType> setTypes,
            Function<List<IncomingEvent>, Uni<Boolean>> everyDelivery, Runnable whenWritten) {
        Map<EventType, Function<IncomingEvent, Uni<Void>>> copy = new EnumMap<>(EventType.class);
        copy.putAll(handlers);
        this.handlers = Collections.unmodifiableMap(copy);
        this.sets = sets;
        this.setTypes = setTypes;
        this.everyDelivery = everyDelivery;
        this.whenWritten = whenWritten;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handlers that take the new events of a poll together, in the poll's order (each key's events in their order),
     * in the consumer's transaction. The handler keeps each key's order and effects as one-by-one application would,
     * and writes what the events cause with {@link IncomingEvent#causes} so each keeps its trace.
     */
    public static EventHandlers inSets(Function<List<IncomingEvent>, Uni<Void>> handler) {
        return new EventHandlers(Map.of(), handler, EnumSet.allOf(EventType.class), null, null);
    }

    /** The same for a handler that takes only events of these payload types: it is never called with others. */
    @SafeVarargs
    public static EventHandlers inSets(Function<List<IncomingEvent>, Uni<Void>> handler,
            Class<? extends EventPayload>... payloadTypes) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(payloadTypes).map(Builder::typeOf).forEach(types::add);
        return new EventHandlers(Map.of(), handler, types, null, null);
    }

    /**
     * These handlers, and {@code writes} besides, which take the events of every delivery that applies here, in the
     * poll's order and each event once, after the handlers: first deliveries and repeats alike (a projection replay
     * may have recorded an event before the live consumer came to it). For effects idempotent by their own keys.
     * {@code writes} answers whether it wrote anything; if so, {@code whenWritten} runs once the transaction has
     * committed (to wake what sends the rows written).
     */
    public EventHandlers withEveryDelivery(Function<List<IncomingEvent>, Uni<Boolean>> writes, Runnable whenWritten) {
        return new EventHandlers(handlers, sets, setTypes, writes, whenWritten);
    }

    /** Whether an event of this type has anything to apply here. */
    boolean handles(EventType type) {
        return everyDelivery != null || hasHandler(type);
    }

    private boolean hasHandler(EventType type) {
        return sets != null ? setTypes.contains(type) : handlers.containsKey(type);
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

    /** Runs the event's handler (in the consumer's transaction), or nothing for a type without one. */
    Uni<Void> handle(IncomingEvent event) {
        if (!hasHandler(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return sets != null ? sets.apply(List.of(event)) : handlers.get(event.type()).apply(event);
    }

    /** True when {@link #handleAll} applies a poll as sets rather than event by event. */
    boolean takesSets() {
        return sets != null;
    }

    /** Runs the set handler on the poll's new events of its types; only for {@link #takesSets}. */
    Uni<Void> handleAll(List<IncomingEvent> events) {
        List<IncomingEvent> taken = events.stream().filter(event -> setTypes.contains(event.type())).toList();
        return taken.isEmpty() ? Uni.createFrom().voidItem() : sets.apply(taken);
    }

    public static final class Builder {
        private final Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers = new EnumMap<>(EventType.class);

        private Builder() {
        }

        /** Handles events whose payload is a {@code payloadType}. */
        public <T extends EventPayload> Builder on(Class<T> payloadType, Function<T, Uni<Void>> handler) {
            return on(payloadType, (event, payload) -> handler.apply(payload));
        }

        /** Handles events whose payload is a {@code payloadType}, with the envelope (id, time, subject) at hand. */
        public <T extends EventPayload> Builder on(Class<T> payloadType,
                BiFunction<IncomingEvent, T, Uni<Void>> handler) {
            EventType type = typeOf(payloadType);
            if (handlers.putIfAbsent(type, event -> handler.apply(event, payloadType.cast(event.data()))) != null) {
                throw new IllegalStateException("two handlers for " + type.type());
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers, null, EnumSet.noneOf(EventType.class), null, null);
        }

        private static EventType typeOf(Class<? extends EventPayload> payloadType) {
            return Arrays.stream(EventType.values())
                    .filter(type -> type.payloadType().equals(payloadType))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not an event payload"));
        }
    }
}
