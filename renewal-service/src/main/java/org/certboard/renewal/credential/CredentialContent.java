package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one credential states: the holder's name (null while no candidate event has told it), the certification
 * number, its program's achievement, when the board first certified them, the period this credential covers, and
 * its position in the status lists. Nothing else about the person.
 */
public record CredentialContent(UUID id, String number, Achievement achievement, String holderName,
        LocalDate firstCertifiedOn, LocalDate validFrom, LocalDate validUntil, long statusIndex, Instant issuedAt) {
}
