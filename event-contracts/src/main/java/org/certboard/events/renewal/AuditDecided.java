package org.certboard.events.renewal;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;

/**
 * Staff decided a renewal sampled for a CE audit; an acceptance is followed by {@link CertificationRenewed} in the
 * same transaction. The reason stays in renewal-service: it may describe the person's circumstances.
 */
public record AuditDecided(UUID candidateId, String number, UUID renewalId, boolean accepted, Instant decidedAt,
        Actor actor) implements EventPayload {
}
