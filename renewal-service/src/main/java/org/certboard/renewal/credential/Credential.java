package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One issued credential: what it states is fixed when it is issued; it is signed when first asked for. A newer
 * credential of the same certification supersedes it (renewal, reactivation, name change). Its status is derived,
 * not stored: see {@link CredentialStatus}.
 */
@Entity
public class Credential extends PanacheEntityBase {
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
