package org.certboard.events.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * A continuing-education credit was logged: the hours and whether they are ethics, not the course. Added later,
 * optional: {@code providerId}, the board's identifier of the CE provider that gave the credit, when the person or
 * staff named one (so a CE provider's webhook subscription receives its own credits and no one else's).
 */
public record CeCreditLogged(UUID candidateId, String number, UUID creditId, BigDecimal hours, boolean ethics,
        LocalDate completedOn, @OptionalField String providerId) implements EventPayload {

    /** A credit that names no provider (or one logged before the field existed). */
    public CeCreditLogged(UUID candidateId, String number, UUID creditId, BigDecimal hours, boolean ethics,
            LocalDate completedOn) {
        this(candidateId, number, creditId, hours, ethics, completedOn, null);
    }
}
