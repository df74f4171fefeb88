package org.certboard.events.renewal;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A CE renewal was submitted and sampled for a CE audit: it waits for staff to accept the evidence (then
 * {@link AuditDecided}); the certification stays as it is meanwhile.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record RenewalSampledForAudit(UUID candidateId, String number, UUID renewalId, Instant submittedAt,
        @OptionalField String program) implements EventPayload {
    public RenewalSampledForAudit {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public RenewalSampledForAudit(UUID candidateId, String number, UUID renewalId, Instant submittedAt) {
        this(candidateId, number, renewalId, submittedAt, null);
    }
}
