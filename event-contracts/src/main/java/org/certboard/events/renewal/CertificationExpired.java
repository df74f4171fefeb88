package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A certification reached the end of its expiry date without renewal; late renewal is still possible.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record CertificationExpired(UUID candidateId, String number, LocalDate expiredOn,
        @OptionalField String program) implements EventPayload {
    public CertificationExpired {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CertificationExpired(UUID candidateId, String number, LocalDate expiredOn) {
        this(candidateId, number, expiredOn, null);
    }
}
