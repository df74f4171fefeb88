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
import io.quarkus.hibernate.reactive.panache.Panache;
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
    /** The person's identity at the board's OpenID provider; null for a paper applicant staff registered. */
    public String subject;
    @Column(name = "registered_by_subject")
    public String registeredBySubject;
    @Column(name = "registered_by_role")
    public String registeredByRole;

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

    /** The id of the profile bound to {@code subject}, null when none is; needs the caller's session. */
    public static Uni<UUID> idOfSubject(String subject) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select id from Candidate where subject = :subject", UUID.class)
                .setParameter("subject", subject).getSingleResultOrNull());
    }

    /** Whether the candidate exists and is bound to {@code subject}; needs the caller's session. */
    public static Uni<Boolean> isBoundTo(UUID id, String subject) {
        return Candidate.count("id = ?1 and subject = ?2", id, subject).map(n -> n > 0);
    }

    static Uni<Boolean> emailTaken(String email, UUID except) {
        return Candidate.count("lower(email) = lower(?1) and id <> ?2", email, except).map(n -> n > 0);
    }
}
