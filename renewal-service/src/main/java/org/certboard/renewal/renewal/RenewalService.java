package org.certboard.renewal.renewal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Actor;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.certboard.renewal.candidate.CandidateRecord;
import org.certboard.renewal.ce.CeCredit;
import org.certboard.renewal.ce.CePeriod;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.clock.RenewalCalendar;
import org.certboard.renewal.credential.CredentialService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Renewal by CE (on request, inside the window or the grace period), by re-examination (on a passed exam), and
 * reactivation of a retired certification. A sampled CE renewal waits for staff to accept its evidence.
 */
@ApplicationScoped
public class RenewalService {
    private final RenewalCalendar calendar;
    private final RenewalRequirements requirements;
    private final AuditSampling auditSampling;
    private final Outbox outbox;
    private final Clock clock;
    private final CredentialService credentials;

    public RenewalService(RenewalCalendar calendar, RenewalRequirements requirements, AuditSampling auditSampling,
            Outbox outbox, Clock clock, CredentialService credentials) {
        this.calendar = calendar;
        this.requirements = requirements;
        this.auditSampling = auditSampling;
        this.outbox = outbox;
        this.clock = clock;
        this.credentials = credentials;
    }

    public Uni<RenewalProgress> progress(String number) {
        LocalDate today = today();
        return Panache.withSession(() -> Certification.byNumber(number)
                .chain(certification -> assess(certification, today).map(Assessment::progress)));
    }

    public Uni<RenewalView> renew(String number) {
        LocalDate today = today();
        return Panache.withTransaction(() -> Certification.lockByNumber(number).chain(certification -> assess(
                certification, today).chain(assessment -> {
                    if (!assessment.progress().canRenew()) {
                        throw new ProblemException(Problem.of(422, "Renewal requirements not met",
                                "certification " + number + " cannot be renewed now; see missing")
                                .with("missing", assessment.progress().missing()));
                    }
                    Renewal renewal = newRenewal(certification, Renewal.Method.CE, assessment.progress().late(),
                            assessment.nextCycleStartsOn(), today);
                    if (auditSampling.selects(certification.candidateId, certification.cycleStartedOn)) {
                        renewal.status = Renewal.Status.PENDING_AUDIT;
                        return renewal.<Renewal>persist();
                    }
                    return renewal.<Renewal>persist().call(() -> apply(certification, renewal));
                }))).map(RenewalView::of);
    }

    public Uni<RenewalView> get(String number, UUID renewalId) {
        return Panache.withSession(() -> Certification.byNumber(number)
                .chain(certification -> Renewal.<Renewal>findById(renewalId).invoke(renewal -> {
                    if (renewal == null || !renewal.certificationId.equals(certification.id)) {
                        throw ProblemException.notFound("renewal", renewalId);
                    }
                }))).map(RenewalView::of);
    }

    /** A pass in the cycle's last year (or its grace period) starts the next cycle at the old expiry. */
    public Uni<Renewal> renewByExam(Certification certification, boolean late, LocalDate today) {
        Renewal renewal = newRenewal(certification, Renewal.Method.EXAM, late, certification.expiresOn, today);
        return Renewal.update("status = ?1, auditReason = ?2, decidedAt = ?3 where certificationId = ?4 and status = ?5",
                Renewal.Status.REJECTED, "superseded by renewal by re-examination", clock.instant(), certification.id,
                Renewal.Status.PENDING_AUDIT)
                .chain(() -> renewal.<Renewal>persist())
                .call(() -> apply(certification, renewal));
    }

    /**
     * Accepting applies the renewal as submitted (same new cycle, same late flag), even if the clock job expired or
     * lapsed the certification while staff reviewed it. Rejecting leaves the certification as it is.
     */
    public Uni<RenewalView> decideAudit(String number, UUID renewalId, AuditDecision decision, Actor staff) {
        if (!decision.accepted() && (decision.reason() == null || decision.reason().isBlank())) {
            throw ProblemException.invalid("reason", "a rejection needs a reason");
        }
        return Panache.withTransaction(() -> Certification.lockByNumber(number)
                .chain(certification -> Renewal.<Renewal>findById(renewalId)
                        .invoke(renewal -> {
                            if (renewal == null || !renewal.certificationId.equals(certification.id)) {
                                throw ProblemException.notFound("renewal", renewalId);
                            }
                            if (renewal.status != Renewal.Status.PENDING_AUDIT) {
                                throw ProblemException.conflict("Audit already decided",
                                        "renewal " + renewalId + " is " + renewal.status);
                            }
                            if (!renewal.previousCycleStartedOn.equals(certification.cycleStartedOn)) {
                                throw ProblemException.conflict("Certification changed", "certification " + number
                                        + " is in another cycle than when renewal " + renewalId + " was submitted");
                            }
                        })
                        .chain(renewal -> {
                            renewal.decidedAt = clock.instant();
                            renewal.auditReason = decision.reason();
                            renewal.auditedBy(staff);
                            Uni<Void> announced = outbox.add(new AuditDecided(certification.candidateId,
                                    certification.number, renewal.id, decision.accepted(), renewal.decidedAt, staff));
                            if (!decision.accepted()) {
                                renewal.status = Renewal.Status.REJECTED;
                                return announced.replaceWith(renewal);
                            }
                            renewal.status = Renewal.Status.RENEWED;
                            return ensureNotCertifiedAnew(certification)
                                    .call(() -> announced)
                                    .call(() -> apply(certification, renewal)).replaceWith(renewal);
                        })))
                .map(RenewalView::of);
    }

    private Uni<Void> ensureNotCertifiedAnew(Certification certification) {
        if (certification.status != CertificationStatus.LAPSED) {
            return Uni.createFrom().voidItem();
        }
        return Certification.count("candidateId = ?1 and status <> ?2", certification.candidateId,
                CertificationStatus.LAPSED).invoke(live -> {
                    if (live > 0) {
                        throw ProblemException.conflict("Certified anew", "the person holds a newer certification;"
                                + " reject this audit instead");
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> apply(Certification certification, Renewal renewal) {
        certification.startCycle(renewal.cycleStartedOn, renewal.expiresOn, calendar);
        return outbox.add(new CertificationRenewed(certification.candidateId, certification.number,
                renewal.method.name(), renewal.late, renewal.cycleStartedOn, renewal.expiresOn, renewal.auditedBy()))
                .call(() -> credentials.issue(certification, renewal.cycleStartedOn, renewal.expiresOn))
                .replaceWithVoid();
    }

    private Renewal newRenewal(Certification certification, Renewal.Method method, boolean late,
            LocalDate cycleStartsOn, LocalDate today) {
        Renewal renewal = new Renewal();
        renewal.id = UUID.randomUUID();
        renewal.certificationId = certification.id;
        renewal.method = method;
        renewal.status = Renewal.Status.RENEWED;
        renewal.late = late;
        renewal.submittedOn = today;
        renewal.previousCycleStartedOn = certification.cycleStartedOn;
        renewal.cycleStartedOn = cycleStartsOn;
        renewal.expiresOn = calendar.expiryFor(cycleStartsOn);
        renewal.submittedAt = clock.instant();
        return renewal;
    }

    private record Assessment(RenewalProgress progress, LocalDate nextCycleStartsOn) {
    }

    /** Reads sequentially: one session, one operation at a time. */
    private Uni<Assessment> assess(Certification certification, LocalDate today) {
        return CeCredit.completedBetween(certification.id, CePeriod.of(certification, calendar, today))
                .chain(credits -> CandidateRecord.<CandidateRecord>findById(certification.candidateId)
                        .chain(candidate -> (candidate == null ? Uni.createFrom().<LocalDate>nullItem()
                                : candidate.qualifyingLicenceExpiresOn())
                                .chain(licenceExpiresOn -> Renewal.<Renewal>find("certificationId = ?1 and status = ?2",
                                        certification.id, Renewal.Status.PENDING_AUDIT).firstResult()
                                        .map(pending -> assess(certification, today, credits, candidate,
                                                licenceExpiresOn, pending)))));
    }

    private Assessment assess(Certification certification, LocalDate today, List<CeCredit> credits,
            CandidateRecord candidate, LocalDate licenceExpiresOn, Renewal pending) {
        BigDecimal earned = credits.stream().map(c -> c.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ethics = credits.stream().filter(c -> c.ethics).map(c -> c.hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean licenceRequired = candidate != null && candidate.licenceBased;
        List<Missing> missing = new ArrayList<>();
        boolean late = false;
        LocalDate nextCycleStartsOn = certification.expiresOn;
        switch (certification.status) {
            case LAPSED -> missing.add(new Missing(Missing.STATUS, "the certification lapsed after "
                    + (certification.retiredOn != null ? calendar.reactivationEndsOn(certification.retiredOn)
                            : calendar.lateRenewalEndsOn(certification.expiresOn))
                    + ": reapply and pass the exam"));
            case RETIRED -> {
                nextCycleStartsOn = today;
                LocalDate until = calendar.reactivationEndsOn(certification.retiredOn);
                if (today.isAfter(until)) {
                    missing.add(new Missing(Missing.STATUS, "reactivation from retired status was possible until "
                            + until + ": reapply and pass the exam"));
                }
            }
            case ACTIVE, EXPIRED -> {
                switch (calendar.timing(certification.expiresOn, today)) {
                    case TOO_EARLY -> missing.add(new Missing(Missing.WINDOW, "the renewal window opens on "
                            + calendar.windowOpensOn(certification.expiresOn)));
                    case LATE -> late = true;
                    case TOO_LATE -> missing.add(new Missing(Missing.WINDOW, "late renewal ended on "
                            + calendar.lateRenewalEndsOn(certification.expiresOn)));
                    case ON_TIME -> {
                    }
                }
            }
        }
        if (pending != null) {
            missing.add(new Missing(Missing.STATUS, "renewal " + pending.id + " awaits its CE audit"));
        }
        missing.addAll(requirements.unmet(earned, ethics, licenceRequired, licenceExpiresOn, today));
        return new Assessment(new RenewalProgress(requirements.requiredHours(), earned,
                requirements.requiredEthicsHours(), ethics, licenceRequired,
                calendar.windowOpensOn(certification.expiresOn), certification.expiresOn,
                calendar.lateRenewalEndsOn(certification.expiresOn), missing.isEmpty(), late, List.copyOf(missing),
                pending == null ? null : pending.id), nextCycleStartsOn);
    }

    private LocalDate today() {
        return calendar.today(clock.instant());
    }
}
