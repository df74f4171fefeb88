package org.certboard.candidate.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.events.Actor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A submitted application and its decision. {@code pathway} is the pathway that satisfied the rules: the approved one,
 * or the one staff are asked to confirm while UNDER_REVIEW; null once denied or withdrawn. {@code checks} holds the
 * checked rules as JSON, frozen at decision time.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public String pathway;
    /** The type of the licence a licence-based pathway rests on (null otherwise), announced for renewal's check. */
    @Column(name = "licence_type")
    public String licenceType;
    public boolean attestation;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "authorised_until")
    public LocalDate authorisedUntil;
    public String checks;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "submitted_by_subject")
    public String submittedBySubject;
    @Column(name = "submitted_by_role")
    public String submittedByRole;
    @Column(name = "decided_by_subject")
    public String decidedBySubject;
    @Column(name = "decided_by_role")
    public String decidedByRole;

    /** Who submitted: the candidate, or the staff member who entered a paper application. */
    void submittedBy(Actor actor) {
        submittedBySubject = actor.subject();
        submittedByRole = actor.role();
    }

    /** The staff member behind the latest decision (review or withdrawal). */
    void decidedBy(Actor actor) {
        decidedBySubject = actor.subject();
        decidedByRole = actor.role();
    }

    Actor submittedBy() {
        return submittedBySubject == null ? null : new Actor(submittedBySubject, submittedByRole);
    }

    Actor decidedBy() {
        return decidedBySubject == null ? null : new Actor(decidedBySubject, decidedByRole);
    }

    /** The candidate's most recent application, null when there is none; needs the caller's session. */
    public static Uni<Application> latest(UUID candidateId) {
        return Application.<Application>find("candidateId = ?1 order by submittedAt desc, id", candidateId)
                .firstResult();
    }

    /**
     * Whether an application blocks a new submission on {@code today}: one under review, or an approval whose
     * authorisation still runs (authorisedUntil on or after today). An approval whose period has ended no longer
     * authorises anything, so the candidate must apply again. Needs the caller's session; callers hold the candidate
     * row lock, which serialises submissions (the unique index application_under_review only backs the UNDER_REVIEW
     * part, because validity depends on today's date).
     */
    static Uni<Boolean> hasOpen(UUID candidateId, LocalDate today) {
        return Application.count("candidateId = ?1 and (status = ?2 or (status = ?3 and authorisedUntil >= ?4))",
                candidateId, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, today).map(n -> n > 0);
    }
}
