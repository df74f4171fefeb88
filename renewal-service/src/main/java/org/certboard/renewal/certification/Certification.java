package org.certboard.renewal.certification;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.certboard.events.Actor;
import org.certboard.platform.problem.ProblemException;
import org.certboard.renewal.clock.RenewalCalendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "certification")
public class Certification extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Enumerated(EnumType.STRING)
    public CertificationStatus status;
    @Column(name = "first_certified_on")
    public LocalDate firstCertifiedOn;
    @Column(name = "cycle_started_on")
    public LocalDate cycleStartedOn;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "retired_on")
    public LocalDate retiredOn;
    @Column(name = "retired_by_subject")
    public String retiredBySubject;
    @Column(name = "retired_by_role")
    public String retiredByRole;
    @Column(name = "next_due_on")
    public LocalDate nextDueOn;

    public static Uni<Certification> byNumber(String number) {
        return Certification.<Certification>find("number", number).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("certification", number));
    }

    /** For changes: holds the row until commit, so requests and the clock job change one certification in turn. */
    public static Uni<Certification> lockByNumber(String number) {
        return Certification.<Certification>find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("certification", number));
    }

    /** Starts a cycle: ACTIVE, with the clock job's first action of the new cycle scheduled. */
    public void startCycle(LocalDate startedOn, LocalDate expiry, RenewalCalendar calendar) {
        status = CertificationStatus.ACTIVE;
        cycleStartedOn = startedOn;
        expiresOn = expiry;
        retiredOn = null;
        nextDueOn = calendar.schedule(expiry).get(0).dueOn();
    }

    /** The staff member who recorded the person's choice of retired status. */
    void retiredBy(Actor staff) {
        retiredBySubject = staff.subject();
        retiredByRole = staff.role();
    }

    public Actor retiredBy() {
        return retiredBySubject == null ? null : new Actor(retiredBySubject, retiredByRole);
    }
}
