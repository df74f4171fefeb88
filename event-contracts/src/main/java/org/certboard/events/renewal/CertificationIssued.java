package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A certification was issued after a passed exam.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record CertificationIssued(UUID candidateId, String number, LocalDate firstCertifiedOn,
        LocalDate cycleStartedOn, LocalDate expiresOn, @OptionalField String program) implements EventPayload {
    public CertificationIssued {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CertificationIssued(UUID candidateId, String number, LocalDate firstCertifiedOn, LocalDate cycleStartedOn,
            LocalDate expiresOn) {
        this(candidateId, number, firstCertifiedOn, cycleStartedOn, expiresOn, null);
    }
}
