package org.certboard.candidate.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something about a person's identity staff should look at ({@code GET /identity-review}): a profile whose address
 * its account has not confirmed, a paper profile an account claimed, a name changed after the board relied on it
 * before such changes went through staff (migration V7).
 */
@Entity
public class IdentityFinding {
    public static final String EMAIL_NOT_CONFIRMED = "EMAIL_NOT_CONFIRMED";
    public static final String PROFILE_CLAIMED = "PROFILE_CLAIMED";
    public static final String NAME_CHANGED_AFTER_DECISION = "NAME_CHANGED_AFTER_DECISION";

    @Id
    public UUID id;
    public UUID candidateId;
    public String kind;
    public Instant at;
    public String detail;

    static IdentityFinding of(UUID candidateId, String kind, Instant at, String detail) {
        IdentityFinding finding = new IdentityFinding();
        finding.id = UUID.randomUUID();
        finding.candidateId = candidateId;
        finding.kind = kind;
        finding.at = at;
        finding.detail = detail;
        return finding;
    }

    /** As staff read it. */
    @Schema(name = "IdentityFinding")
    public record View(UUID candidateId, String kind, Instant at, String detail) {
        static View of(IdentityFinding f) {
            return new View(f.candidateId, f.kind, f.at, f.detail);
        }
    }
}
