package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A candidate's identity and contact, as in search results and replies to writes. {@code registeredBy} names the
 * staff member who registered a paper applicant; null when the person registered themselves.
 */
public record CandidateView(UUID id, String givenName, String familyName, String email, LocalDate dateOfBirth,
        Instant registeredAt, Instant updatedAt, @Schema(nullable = true) Actor registeredBy) {

    static CandidateView of(Candidate c) {
        return new CandidateView(c.id, c.givenName, c.familyName, c.email, c.dateOfBirth, c.registeredAt, c.updatedAt,
                c.registeredBySubject == null ? null : new Actor(c.registeredBySubject, c.registeredByRole));
    }
}
