package org.certboard.exam.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The latest eligibility decision held for a candidate; written only by {@link AuthorisationProjection}. */
@Entity
@Table(name = "authorisation")
public class Authorisation extends PanacheEntityBase {
    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "application_id")
    public UUID applicationId;
    public String status;
    @Column(name = "authorised_until")
    public LocalDate authorisedUntil;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public boolean permits(LocalDate sittingDate) {
        return AuthorisationRule.permits(status, authorisedUntil, sittingDate);
    }
}
