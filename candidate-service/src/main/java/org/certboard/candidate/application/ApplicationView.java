package org.certboard.candidate.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An application as the contract shows it. {@code pathway} and {@code authorisedUntil} are set only when APPROVED;
 * while UNDER_REVIEW, {@code proposedPathway} names the pathway staff are asked to confirm. {@code submittedBy} is
 * who submitted (the candidate, or staff for a paper application); {@code decidedBy} the staff member behind the
 * latest decision or withdrawal, null while only the board's rules have decided. {@code program} is the credential
 * program applied to (CCM for every application made before programs existed).
 */
public record ApplicationView(UUID id, UUID candidateId,
        @Schema(description = "The credential program applied to (docs/programs.md)", example = "CCM") String program,
        ApplicationStatus status,
        @Schema(nullable = true) String pathway,
        @Schema(nullable = true) String proposedPathway, List<CheckView> checks, LocalDate submittedOn,
                @Schema(nullable = true) LocalDate authorisedUntil,
        @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) String reason, Actor submittedBy,
                @Schema(nullable = true) Actor decidedBy) {

    /** An application as stored: its one pathway is confirmed once APPROVED, proposed while UNDER_REVIEW. */
    static ApplicationView of(UUID id, UUID candidateId, String program, ApplicationStatus status, String pathway,
            List<CheckView> checks, LocalDate submittedOn, LocalDate authorisedUntil, Instant decidedAt, String reason,
            Actor submittedBy, Actor decidedBy) {
        return new ApplicationView(id, candidateId, program, status,
                status == ApplicationStatus.APPROVED ? pathway : null,
                status == ApplicationStatus.UNDER_REVIEW ? pathway : null, checks, submittedOn, authorisedUntil,
                decidedAt, reason, submittedBy, decidedBy);
    }
}
