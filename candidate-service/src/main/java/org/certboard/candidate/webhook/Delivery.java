package org.certboard.candidate.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event for one subscription, as the admin API shows it (without its body). */
public record Delivery(UUID id, UUID subscriptionId, UUID eventId, String topic, UUID candidateId, String eventType,
        DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {
}
