package org.certboard.exam.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The latest eligibility decision held for a candidate; written only from the candidate topic ({@code listener}). */
@Entity
public class Authorisation {
    @Id
    public UUID candidateId;
    public UUID applicationId;
    public String status;
    public LocalDate authorisedUntil;
    public Instant decidedAt;

    public boolean permits(LocalDate sittingDate) {
        return AuthorisationRule.permits(status, authorisedUntil, sittingDate);
    }
}
