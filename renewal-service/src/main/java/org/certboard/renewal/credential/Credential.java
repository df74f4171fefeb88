package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One issued credential. Its status bits are derived, not stored: see {@link CredentialStatus}. */
@Entity
@Table(name = "credential")
public class Credential extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "certification_id")
    public UUID certificationId;
    @Column(name = "status_index")
    public long statusIndex;
    @Column(name = "holder_name")
    public String holderName;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    public String jwt;
    @Column(name = "key_id")
    public String keyId;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "superseded_reason")
    public String supersededReason;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_reason")
    public String revokedReason;
}
