package org.certboard.candidate.profile;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name change as staff and its candidate see it: what was asked, by whom, and how it was decided. */
public record NameChangeView(UUID id, UUID candidateId, NameChange.Status status, boolean correction,
        String givenName, String familyName, String previousGivenName, String previousFamilyName, String reason,
        @Schema(nullable = true) String documentReference, Instant requestedAt, Actor requestedBy,
        @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) Actor decidedBy,
        @Schema(nullable = true) String decisionNote) {

    static NameChangeView of(NameChange c) {
        return new NameChangeView(c.id, c.candidateId, c.status, c.correction, c.givenName, c.familyName,
                c.previousGivenName, c.previousFamilyName, c.reason, c.documentReference, c.requestedAt,
                c.requestedBy(), c.decidedAt, c.decidedBy(), c.decisionNote);
    }
}
