package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A candidate's identity and contact, as in search results and replies to writes. */
public record CandidateView(UUID id, String givenName, String familyName, String email, LocalDate dateOfBirth,
        Instant registeredAt, Instant updatedAt) {

    static CandidateView of(Candidate c) {
        return new CandidateView(c.id, c.givenName, c.familyName, c.email, c.dateOfBirth, c.registeredAt, c.updatedAt);
    }
}
