package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One issued credential. Its status bits are derived, not stored: see {@link CredentialStatus}. */
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
    public String revokedReason;
}
