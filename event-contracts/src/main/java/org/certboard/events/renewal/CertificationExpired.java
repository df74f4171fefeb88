package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A certification reached the end of its expiry date without renewal. Added later, optional: {@code program}, the
 * credential program the event is about (absent: CCM, the one program certboard ran before programs existed), and
 * {@code lapsesOn}, the last day a late renewal is accepted: the expiry date itself when the program has no late
 * renewal (absent in events written before it, when every certification had one).
 */
public record CertificationExpired(UUID candidateId, String number, LocalDate expiredOn,
        @OptionalField String program, @OptionalField LocalDate lapsesOn) implements EventPayload {
    public CertificationExpired {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CertificationExpired(UUID candidateId, String number, LocalDate expiredOn) {
        this(candidateId, number, expiredOn, null, null);
    }
}
