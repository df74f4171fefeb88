package org.certboard.renewal.recertification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.certboard.events.Actor;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.RenewalSampledForAudit;
import org.certboard.platform.domain.Refusal;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One renewal of a certification (or a submission awaiting audit), with the cycle it starts. Its status changes,
 * PENDING_AUDIT → RENEWED or REJECTED, are the methods below, each from PENDING_AUDIT only.
 */
@Entity
public class Renewal {
    static final String SUPERSEDED = "superseded by renewal by re-examination";

    @Schema(name = "RenewalMethod")
    public enum Method {
        CE, EXAM
    }

    @Schema(name = "RenewalStatus")
    public enum Status {
        RENEWED, PENDING_AUDIT, REJECTED
    }

    @Id
    public UUID id;
    public UUID certificationId;
    @Enumerated(EnumType.STRING)
    public Method method;
    @Enumerated(EnumType.STRING)
    public Status status;
    public boolean late;
    public LocalDate submittedOn;
    public LocalDate previousCycleStartedOn;
    public LocalDate cycleStartedOn;
    public LocalDate expiresOn;
    public String auditReason;
    public Instant submittedAt;
    public Instant decidedAt;
    public String auditedBySubject;
    public String auditedByRole;
    /** Incremented on every change: the renewal's ETag (an audit decision needs it as If-Match). */
    @Version
    public long version;

    /**
     * A renewal of the certification's current cycle starting the next one on {@code nextCycleStartsOn}: RENEWED, or
     * PENDING_AUDIT when sampled for a CE audit (the certification then stays as it is until staff decide).
     */
    static Renewal submit(Certification certification, Method method, boolean late, LocalDate nextCycleStartsOn,
            boolean audited, RenewalCalendar calendar, LocalDate today, Instant at) {
        Renewal renewal = new Renewal();
        renewal.id = UUID.randomUUID();
        renewal.certificationId = certification.id;
        renewal.method = method;
        renewal.status = audited ? Status.PENDING_AUDIT : Status.RENEWED;
        renewal.late = late;
        renewal.submittedOn = today;
        renewal.previousCycleStartedOn = certification.cycleStartedOn;
        renewal.cycleStartedOn = nextCycleStartsOn;
        renewal.expiresOn = calendar.expiryFor(nextCycleStartsOn);
        renewal.submittedAt = at;
        return renewal;
    }

    /** A submission sampled for its CE audit, announced so that the certificant hears it waits for staff. */
    RenewalSampledForAudit sampled(Certification certification) {
        if (status != Status.PENDING_AUDIT) {
            throw new IllegalStateException("renewal " + id + " is " + status + ", not awaiting its audit");
        }
        return new RenewalSampledForAudit(certification.candidateId, certification.number, id, submittedAt,
                certification.program);
    }

    /** Applies a RENEWED renewal to its certification: the next cycle, as submitted. */
    CertificationRenewed applyTo(Certification certification, RenewalCalendar calendar) {
        if (status != Status.RENEWED) {
            throw new IllegalStateException("renewal " + id + " is " + status + ", not RENEWED");
        }
        return certification.renew(method.name(), late, cycleStartedOn, expiresOn, auditedBy(), calendar);
    }

    /**
     * Staff accept the CE evidence: RENEWED, to be applied exactly as submitted (same next cycle, same late flag),
     * even if the certification expired or lapsed meanwhile, unless the person has been certified anew.
     *
     * @param holdsLive the person holds a certification of the same program that is not LAPSED
     */
    AuditDecided accept(Certification certification, String reason, boolean holdsLive, Actor staff, Instant at) {
        requireAwaitingAudit(certification);
        if (certification.status == CertificationStatus.LAPSED && holdsLive) {
            throw Refusal.conflict("Certified anew", "the person holds a newer certification;"
                    + " reject this audit instead");
        }
        return decide(certification, true, reason, staff, at);
    }

    /** Staff reject the CE evidence: REJECTED, nothing else changes; the certificant may submit again. */
    AuditDecided reject(Certification certification, String reason, Actor staff, Instant at) {
        requireAwaitingAudit(certification);
        return decide(certification, false, reason, staff, at);
    }

    /** A renewal by re-examination closes the audit: REJECTED without a staff decision, and without an event. */
    void supersede(Instant at) {
        if (status != Status.PENDING_AUDIT) {
            throw new IllegalStateException("renewal " + id + " is " + status + ", not awaiting its audit");
        }
        status = Status.REJECTED;
        auditReason = SUPERSEDED;
        decidedAt = at;
    }

    Actor auditedBy() {
        return auditedBySubject == null ? null : new Actor(auditedBySubject, auditedByRole);
    }

    private void requireAwaitingAudit(Certification certification) {
        if (status != Status.PENDING_AUDIT) {
            throw Refusal.conflict("Audit already decided", "renewal " + id + " is " + status);
        }
        if (!previousCycleStartedOn.equals(certification.cycleStartedOn)) {
            throw Refusal.conflict("Certification changed", "certification " + certification.number
                    + " is in another cycle than when renewal " + id + " was submitted");
        }
    }

    private AuditDecided decide(Certification certification, boolean accepted, String reason, Actor staff,
            Instant at) {
        status = accepted ? Status.RENEWED : Status.REJECTED;
        decidedAt = at;
        auditReason = reason;
        auditedBySubject = staff.subject();
        auditedByRole = staff.role();
        return new AuditDecided(certification.candidateId, certification.number, id, accepted, at, staff,
                certification.program);
    }
}
