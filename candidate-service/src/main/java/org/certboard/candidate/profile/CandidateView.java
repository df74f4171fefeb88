package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A candidate's identity and contact, as in search results and replies to writes. {@code registeredBy} names the
 * staff member who registered a paper applicant; null when the person registered themselves. {@code emailVerified}:
 * the address is the one the provider verified for the bound account; {@code claimedAt}: when the person's account
 * claimed the paper profile staff had registered; {@code nameFixedSince}: from when a change of the legal name by the
 * person goes through a name-change request.
 */
public record CandidateView(UUID id, String givenName, String familyName, String email, LocalDate dateOfBirth,
        Instant registeredAt, Instant updatedAt, @Schema(nullable = true) Actor registeredBy, boolean emailVerified,
        @Schema(nullable = true) Instant claimedAt, @Schema(nullable = true) Instant nameFixedSince) {

    static CandidateView of(Candidate c) {
        return new CandidateView(c.id, c.givenName, c.familyName, c.email, c.dateOfBirth, c.registeredAt, c.updatedAt,
                c.registeredBySubject == null ? null : new Actor(c.registeredBySubject, c.registeredByRole),
                c.emailVerified, c.claimedAt, c.nameFixedSince);
    }
}
