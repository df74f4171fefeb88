package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.certboard.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "candidate")
public class Candidate extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    public String email;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The candidate, or a 404 problem. */
    public static Uni<Candidate> require(UUID id) {
        return Candidate.<Candidate>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("candidate", id));
    }

    /**
     * The candidate, locked until the transaction ends: serialises the decisions taken on one candidate's file (an
     * application must not be decided while a concurrent submission of the same candidate is being decided).
     */
    public static Uni<Candidate> requireLocked(UUID id) {
        return Candidate.<Candidate>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("candidate", id));
    }

    static Uni<Boolean> emailTaken(String email, UUID except) {
        return Candidate.count("lower(email) = lower(?1) and id <> ?2", email, except).map(n -> n > 0);
    }
}
