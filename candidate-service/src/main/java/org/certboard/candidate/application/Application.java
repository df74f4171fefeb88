package org.certboard.candidate.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.certboard.candidate.eligibility.Decision;
import org.certboard.candidate.eligibility.Outcome;
import org.certboard.events.Actor;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.platform.domain.Refusal;

/**
 * A submitted application and its decision. {@code pathway} is the pathway that satisfied the rules: the approved one,
 * or the one staff are asked to confirm while UNDER_REVIEW; null once denied or withdrawn. {@code checks} holds the
 * checked rules, frozen at decision time.
 * <p>
 * The lifecycle: a submission is decided at once (APPROVED, UNDER_REVIEW or DENIED); staff decide one UNDER_REVIEW
 * (APPROVED or DENIED) and withdraw an APPROVED one (WITHDRAWN). Each step is one method here that refuses the states
 * it does not start from and returns the event that announces it; the service loads, calls, persists and publishes.
 */
@Entity
public class Application {
    static final String STAFF_REVIEW = "STAFF_REVIEW";

    @Id
    public UUID id;
    public UUID candidateId;
    /** The credential program applied to (CCM, ACM, ...): its pathways decide, its authorisation period applies. */
    public String program;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public String pathway;
    /** The type of the licence a licence-based pathway rests on (null otherwise), announced for renewal's check. */
    public String licenceType;
    public boolean attestation;
    public LocalDate submittedOn;
    public Instant submittedAt;
    public LocalDate authorisedUntil;
    @Convert(converter = ChecksColumn.class)
    public List<CheckView> checks;
    public Instant decidedAt;
    public String decisionReason;
    public String submittedBySubject;
    public String submittedByRole;
    public String decidedBySubject;
    public String decidedByRole;
    /** Bumped by every transition; the application's ETag (If-Match on a staff decision). */
    @Version
    public long version;

    /** A new application and the event that announces its decision. */
    public record Submitted(Application application, EligibilityDecided event) {
    }

    /** A submission to {@code program}, decided by that program's rules on {@code today} (the submission date). */
    static Submitted submit(UUID candidateId, String program, boolean attestation, Decision decision,
            LocalDate today, Instant now, Actor submitter) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.candidateId = candidateId;
        application.program = program;
        application.status = ApplicationStatus.valueOf(decision.verdict().name());
        application.pathway = decision.pathway();
        application.licenceType = decision.licenceType();
        application.attestation = attestation;
        application.submittedOn = today;
        application.submittedAt = now;
        application.authorisedUntil = decision.authorisedUntil();
        application.checks = decision.checks().stream().map(CheckView::of).toList();
        application.decidedAt = now;
        application.submittedBySubject = submitter.subject();
        application.submittedByRole = submitter.role();
        return new Submitted(application, application.decided());
    }

    /**
     * Staff settle an application UNDER_REVIEW; the reason joins the checks so the record tells the whole story. The
     * authorisation runs from the day staff approve, not from the submission: time spent in review must not shorten
     * the candidate's window to book. {@code authorisationPeriod} is the application's program's.
     */
    EligibilityDecided decide(boolean approve, String reason, Actor staff, LocalDate today,
            Period authorisationPeriod, Instant now) {
        require(ApplicationStatus.UNDER_REVIEW, "decided by staff");
        List<CheckView> decided = new ArrayList<>(checks);
        decided.add(new CheckView(STAFF_REVIEW, approve, approve ? Outcome.PASSED : Outcome.FAILED,
                (approve ? "approved" : "denied") + " by staff on " + today + ": " + reason));
        checks = List.copyOf(decided);
        status = approve ? ApplicationStatus.APPROVED : ApplicationStatus.DENIED;
        pathway = approve ? pathway : null;
        authorisedUntil = approve ? today.plus(authorisationPeriod) : null;
        return decidedBy(staff, reason, now);
    }

    /** Staff withdraw an approval (for example after a licence was revoked), ending the exam authorisation. */
    EligibilityDecided withdraw(String reason, Actor staff, Instant now) {
        require(ApplicationStatus.APPROVED, "withdrawn");
        status = ApplicationStatus.WITHDRAWN;
        pathway = null;
        authorisedUntil = null;
        return decidedBy(staff, reason, now);
    }

    Actor submittedBy() {
        return submittedBySubject == null ? null : new Actor(submittedBySubject, submittedByRole);
    }

    /** The staff member behind the latest decision (review or withdrawal); null while only the rules decided. */
    Actor decidedBy() {
        return decidedBySubject == null ? null : new Actor(decidedBySubject, decidedByRole);
    }

    private EligibilityDecided decidedBy(Actor staff, String reason, Instant now) {
        decidedAt = now;
        decisionReason = reason;
        decidedBySubject = staff.subject();
        decidedByRole = staff.role();
        return decided();
    }

    /** Every decision is announced; pathway, authorisation and licence type only when approved. */
    private EligibilityDecided decided() {
        boolean approved = status == ApplicationStatus.APPROVED;
        return new EligibilityDecided(candidateId, id, status.name(), approved ? pathway : null, authorisedUntil,
                decidedAt, approved ? licenceType : null, decidedBy(), program);
    }

    private void require(ApplicationStatus from, String action) {
        if (status != from) {
            throw Refusal.conflict("Application not " + from.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    "application " + id + " is " + status + "; only an application " + from + " can be " + action);
        }
    }
}
