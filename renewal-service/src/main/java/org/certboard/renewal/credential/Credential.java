package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * One issued credential: what it states is fixed when it is issued; it is signed when first asked for. A newer
 * credential of the same certification supersedes it (renewal, reactivation, name change). Its status is derived,
 * not stored: see {@link CredentialStatus}.
 */
@Entity
public class Credential {
    @Id
    public UUID id;
    public UUID certificationId;
    public long statusIndex;
    public String holderName;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public String jwt;
    public String keyId;
    public Instant issuedAt;
    public UUID supersededBy;
    public String supersededReason;
    public Instant revokedAt;
    @Enumerated(EnumType.STRING)
    public RevocationCategory revokedCategory;
    /** Staff's own words on a revocation: internal, never shown to a verifier. */
    public String revokedReason;

    /**
     * A new credential stating {@code holderName} and the validity period, at status position {@code statusIndex};
     * unsigned until first asked for.
     */
    static Credential issue(UUID certificationId, long statusIndex, String holderName, LocalDate validFrom,
            LocalDate validUntil, Instant issuedAt) {
        Credential credential = new Credential();
        credential.id = UUID.randomUUID();
        credential.certificationId = certificationId;
        credential.statusIndex = statusIndex;
        credential.holderName = holderName;
        credential.validFrom = validFrom;
        credential.validUntil = validUntil;
        credential.issuedAt = issuedAt;
        return credential;
    }

    /** {@code replacement} now speaks for the certification; this one stays true for the period it states. */
    void supersede(Credential replacement, String reason) {
        supersededBy = replacement.id;
        supersededReason = reason;
    }

    void sign(String signed, String signingKeyId) {
        jwt = signed;
        keyId = signingKeyId;
    }
}
