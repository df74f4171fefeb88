package org.certboard.platform.inbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;

import io.smallrye.mutiny.Uni;

/**
 * What a consumer does with each event type it cares about, keyed by payload class: the type system, not a switch
 * over type names plus a cast, pairs each event with its handler. An event without a handler is recorded as processed
 * and otherwise ignored: a topic carries more than any one consumer needs.
 * <p>
 * A consumer that applies a whole poll as sets (one statement per table, not per event) is built with {@link #inSets}
 * instead: it gets every new event of the poll at once, and a single one when events are applied one by one.
 */
public final class EventHandlers {
    private static final Function<IncomingEvent, Uni<Void>> IGNORE = event -> Uni.createFrom().voidItem();

    private final Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers;
    private final Function<List<IncomingEvent>, Uni<Void>> sets;

    private EventHandlers(Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers,
            Function<List<IncomingEvent>, Uni<Void>> sets) {
        this.handlers = Collections.unmodifiableMap(new EnumMap<>(handlers));
        this.sets = sets;
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
        return new EventHandlers(new EnumMap<>(EventType.class), handler);
    }

    /** Runs the event's handler (in the consumer's transaction), or nothing for a type without one. */
    Uni<Void> handle(IncomingEvent event) {
        return sets != null ? sets.apply(List.of(event)) : handlers.getOrDefault(event.type(), IGNORE).apply(event);
    }

    /** True when {@link #handleAll} applies a poll as sets rather than event by event. */
    boolean takesSets() {
        return sets != null;
    }

    /** Runs the set handler on the poll's new events; only for {@link #takesSets}. */
    Uni<Void> handleAll(List<IncomingEvent> events) {
        return events.isEmpty() ? Uni.createFrom().voidItem() : sets.apply(events);
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
            return new EventHandlers(handlers, null);
        }

        private static EventType typeOf(Class<? extends EventPayload> payloadType) {
            return Arrays.stream(EventType.values())
                    .filter(type -> type.payloadType().equals(payloadType))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not an event payload"));
        }
    }
}
