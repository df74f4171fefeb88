package org.certboard.platform.inbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
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
 */
public final class EventHandlers {
    private static final Function<IncomingEvent, Uni<Void>> IGNORE = event -> Uni.createFrom().voidItem();

    private final Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers;

    private EventHandlers(Map<EventType, Function<IncomingEvent, Uni<Void>>> handlers) {
        this.handlers = Collections.unmodifiableMap(new EnumMap<>(handlers));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the event's handler (in the consumer's transaction), or nothing for a type without one. */
    Uni<Void> handle(IncomingEvent event) {
        return handlers.getOrDefault(event.type(), IGNORE).apply(event);
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
            return new EventHandlers(handlers);
        }

        private static EventType typeOf(Class<? extends EventPayload> payloadType) {
            return Arrays.stream(EventType.values())
                    .filter(type -> type.payloadType().equals(payloadType))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not an event payload"));
        }
    }
}
