package org.certboard.events;

import java.util.UUID;

/** Every event concerns one candidate: its id is the Kafka key and the CloudEvents subject. */
public interface EventPayload {
    UUID candidateId();
}
