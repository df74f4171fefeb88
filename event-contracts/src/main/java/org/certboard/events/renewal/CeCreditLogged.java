package org.certboard.events.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A continuing-education credit was logged: the hours and whether they are ethics, not the course or provider. */
public record CeCreditLogged(UUID candidateId, String number, UUID creditId, BigDecimal hours, boolean ethics,
        LocalDate completedOn) implements EventPayload {
}
