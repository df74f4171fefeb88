package org.certboard.events.renewal;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/**
 * A CE renewal was submitted and sampled for a CE audit: it waits for staff to accept the evidence (then
 * {@link AuditDecided}); the certification stays as it is meanwhile.
 */
public record RenewalSampledForAudit(UUID candidateId, String number, UUID renewalId, Instant submittedAt)
        implements EventPayload {
}
