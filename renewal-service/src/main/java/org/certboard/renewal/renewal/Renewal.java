package org.certboard.renewal.renewal;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One renewal of a certification (or a submission awaiting audit), with the cycle it starts. */
@Entity
@Table(name = "renewal")
public class Renewal extends PanacheEntityBase {
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
    @Column(name = "certification_id")
    public UUID certificationId;
    @Enumerated(EnumType.STRING)
    public Method method;
    @Enumerated(EnumType.STRING)
    public Status status;
    public boolean late;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    @Column(name = "previous_cycle_started_on")
    public LocalDate previousCycleStartedOn;
    @Column(name = "cycle_started_on")
    public LocalDate cycleStartedOn;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "audit_reason")
    public String auditReason;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "audited_by_subject")
    public String auditedBySubject;
    @Column(name = "audited_by_role")
    public String auditedByRole;

    /** The staff member who accepted or rejected the CE evidence of an audited renewal. */
    void auditedBy(Actor staff) {
        auditedBySubject = staff.subject();
        auditedByRole = staff.role();
    }

    Actor auditedBy() {
        return auditedBySubject == null ? null : new Actor(auditedBySubject, auditedByRole);
    }
}
