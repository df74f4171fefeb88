package org.certboard.events.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.certboard.events.CeCategory;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A continuing-education credit was logged: the hours and the CE categories they count toward ({@code ethics} says
 * whether one of them is ethics, for readers of the single-program era), not the course. Added later,
 * optional: {@code providerId}, the board's identifier of the CE provider that gave the credit, when the person or
 * staff named one (so a CE provider's webhook subscription receives its own credits and no one else's).
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record CeCreditLogged(UUID candidateId, String number, UUID creditId, BigDecimal hours, boolean ethics,
        LocalDate completedOn, @OptionalField String providerId, @OptionalField String program,
        @OptionalField List<String> categories) implements EventPayload {
    public CeCreditLogged {
        program = ProgramCode.orLegacy(program);
        categories = categories == null ? (ethics ? List.of(CeCategory.ETHICS) : List.of()) : List.copyOf(categories);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CeCreditLogged(UUID candidateId, String number, UUID creditId, BigDecimal hours, boolean ethics,
            LocalDate completedOn, String providerId) {
        this(candidateId, number, creditId, hours, ethics, completedOn, providerId, null, null);
    }

    /** A credit that names no provider (or one logged before the field existed). */
    public CeCreditLogged(UUID candidateId, String number, UUID creditId, BigDecimal hours, boolean ethics,
            LocalDate completedOn) {
        this(candidateId, number, creditId, hours, ethics, completedOn, null, null, null);
    }
}
