package org.certboard.platform.testing;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.platform.inbox.IncomingEvent;

/** Events as a consumer receives them, for tests that hand a poll to a set handler without the broker. */
public final class Deliveries {

    private Deliveries() {
    }

    /** The payload as its own service publishes it, with a new event id, at {@code time}. */
    public static IncomingEvent delivered(EventPayload payload, Instant time) {
        EventType type = EventType.of(payload);
        return new IncomingEvent(UUID.randomUUID(), type, type.service().source(), payload.candidateId().toString(),
                time, payload);
    }

    /** The same, now. */
    public static IncomingEvent delivered(EventPayload payload) {
        return delivered(payload, Instant.now());
    }
}
