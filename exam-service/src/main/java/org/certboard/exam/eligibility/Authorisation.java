package org.certboard.exam.eligibility;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/**
 * The latest eligibility decision held for a candidate in one program; written only from the candidate topic
 * ({@code listener}).
 */
@Entity
@IdClass(Authorisation.Key.class)
public class Authorisation {
    @Id
    public UUID candidateId;
    @Id
    public String program;
    public UUID applicationId;
    public String status;
    public LocalDate authorisedUntil;
    public Instant decidedAt;

    /** A candidate's authorisation in a program: the table's key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID candidateId;
        public String program;

        public Key() {
        }

        public Key(UUID candidateId, String program) {
            this.candidateId = candidateId;
            this.program = program;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(candidateId, key.candidateId)
                    && Objects.equals(program, key.program);
        }

        @Override
        public int hashCode() {
            return Objects.hash(candidateId, program);
        }
    }

    public boolean permits(LocalDate sittingDate) {
        return AuthorisationRule.permits(status, authorisedUntil, sittingDate);
    }
}
