package org.certboard.renewal.candidate;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's name as an event tells it, from {@code at}; {@code subject} is the account a registration names
 * (null for v1 events, before accounts, and for paper applicants), set once.
 */
public record NameTold(UUID candidateId, String givenName, String familyName, Instant at, String subject) {

    /** This and a later event's name as one: the newer name (the later on a tie), the first account named. */
    public NameTold then(NameTold later) {
        boolean newer = at == null || later.at != null && !later.at.isBefore(at);
        NameTold name = newer ? later : this;
        return new NameTold(candidateId, name.givenName, name.familyName, name.at,
                subject != null ? subject : later.subject);
    }
}
