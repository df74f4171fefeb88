package org.certboard.renewal.recertification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Actor;
import org.certboard.events.CeCategory;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.http.Preconditions;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.program.ProgramRules;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.candidate.CandidateRecord;
import org.certboard.renewal.candidate.CandidateRepository;
import org.certboard.renewal.ce.CeCredit;
import org.certboard.renewal.ce.CeCreditRepository;
import org.certboard.renewal.ce.CePeriod;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationRepository;
import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.certification.RenewalOpening;
import org.certboard.renewal.credential.CredentialService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Renewal by CE (on request, inside the window or the grace period), by re-examination (on a passed exam), and
 * reactivation of a retired certification. A sampled CE renewal waits for staff to accept its evidence.
 */
@ApplicationScoped
public class RenewalService {
    private final RenewalRepository renewals;
    private final CertificationRepository certifications;
    private final CeCreditRepository credits;
    private final CandidateRepository candidates;
    private final ProgramRules<RenewalCalendar> calendars;
    private final ProgramRules<RenewalRequirements> requirements;
    private final ProgramRules<AuditSampling> auditSampling;
    private final Outbox outbox;
    private final BoardTime time;
    private final CredentialService credentials;

    public RenewalService(RenewalRepository renewals, CertificationRepository certifications,
            CeCreditRepository credits, CandidateRepository candidates, ProgramRules<RenewalCalendar> calendars,
            ProgramRules<RenewalRequirements> requirements, ProgramRules<AuditSampling> auditSampling, Outbox outbox,
            BoardTime time,
            CredentialService credentials) {
        this.renewals = renewals;
        this.certifications = certifications;
        this.credits = credits;
        this.candidates = candidates;
        this.calendars = calendars;
        this.requirements = requirements;
        this.auditSampling = auditSampling;
        this.outbox = outbox;
        this.time = time;
        this.credentials = credentials;
    }

    public Uni<RenewalProgress> progress(String number) {
        LocalDate today = time.today();
        return Panache.withSession(() -> certifications.byNumber(number)
                .chain(certification -> assess(certification, today).map(Assessment::progress)));
    }

    public Uni<RenewalView> renew(String number) {
        LocalDate today = time.today();
        return Panache.withTransaction(() -> certifications.lockByNumber(number).chain(certification -> assess(
                certification, today).chain(assessment -> {
                    if (!assessment.progress().canRenew()) {
                        throw Refusal.rule("Renewal requirements not met",
                                "certification " + number + " cannot be renewed now; see missing")
                                .with("missing", assessment.progress().missing());
                    }
                    Renewal renewal = Renewal.submit(certification, Renewal.Method.CE, assessment.progress().late(),
                            assessment.nextCycleStartsOn(),
                            auditSampling.of(certification.program).selects(certification.candidateId,
                                    certification.cycleStartedOn), calendars.of(certification.program), today,
                            time.now());
                    return renewals.persist(renewal).call(() -> renewal.status == Renewal.Status.PENDING_AUDIT
                            ? outbox.add(renewal.sampled(certification)) : apply(certification, renewal));
                }))).map(RenewalView::of);
    }

    public Uni<VersionedRenewal> get(String number, UUID renewalId) {
        return Panache.withSession(() -> certifications.byNumber(number)
                .chain(certification -> renewals.of(certification, renewalId))).map(VersionedRenewal::of);
    }

    /**
     * A pass in the cycle's last year (or its grace period) starts the next cycle at the old expiry; a renewal
     * awaiting its audit is closed as superseded. Runs in the caller's transaction; the caller writes the event
     * returned to the outbox, with the trace of the pass that caused it.
     */
    public Uni<CertificationRenewed> renewByExam(Certification certification, boolean late, LocalDate today) {
        Instant now = time.now();
        Renewal renewal = Renewal.submit(certification, Renewal.Method.EXAM, late, certification.expiresOn, false,
                calendars.of(certification.program), today, now);
        return renewals.pendingAudit(certification)
                .invoke(pending -> {
                    if (pending != null) {
                        pending.supersede(now);
                    }
                })
                .chain(() -> renewals.persist(renewal))
                .chain(() -> renewed(certification, renewal));
    }

    /**
     * Accepting applies the renewal as submitted (same new cycle, same late flag), even if the clock job expired or
     * lapsed the certification while staff reviewed it. Rejecting leaves the certification as it is. Only on the
     * version of the renewal the staff member read ({@code ifMatch}, its ETag): 428 without it, 412 when stale.
     */
    public Uni<VersionedRenewal> decideAudit(String number, UUID renewalId, AuditDecision decision, String ifMatch,
            Actor staff) {
        if (!decision.accepted() && (decision.reason() == null || decision.reason().isBlank())) {
            throw Refusal.invalid("reason", "a rejection needs a reason");
        }
        return Panache.withTransaction(() -> certifications.lockByNumber(number)
                .chain(certification -> renewals.of(certification, renewalId)
                        .invoke(renewal -> Preconditions.requireIfMatch(ifMatch, renewal.version))
                        .chain(renewal -> certifications.holdsLive(certification.candidateId,
                                certification.program).chain(holdsLive -> {
                            if (!decision.accepted()) {
                                return outbox.add(renewal.reject(certification, decision.reason(), staff,
                                        time.now()));
                            }
                            return outbox.add(renewal.accept(certification, decision.reason(), holdsLive, staff,
                                    time.now())).chain(() -> apply(certification, renewal));
                        }).replaceWith(renewal))))
                // after the commit, whose flush incremented the version
                .map(VersionedRenewal::of);
    }

    /** As {@link #renewed}, and writes the event to the outbox. */
    private Uni<Void> apply(Certification certification, Renewal renewal) {
        return renewed(certification, renewal).chain(outbox::add);
    }

    /**
     * Renews the certification and supersedes its credential with one that states the new expiry; returns the event
     * to publish.
     */
    private Uni<CertificationRenewed> renewed(Certification certification, Renewal renewal) {
        String reason = (certification.status == CertificationStatus.RETIRED ? "reactivated" : "renewed")
                + " until " + renewal.expiresOn;
        CertificationRenewed renewed = renewal.applyTo(certification, calendars.of(certification.program));
        return credentials.renewed(certification, renewal.cycleStartedOn, reason).replaceWith(renewed);
    }

    /** {@code nextCycleStartsOn} is null when the certification's status or dates keep it from renewing. */
    private record Assessment(RenewalProgress progress, LocalDate nextCycleStartsOn) {
    }

    /** Reads sequentially: one session, one operation at a time. */
    private Uni<Assessment> assess(Certification certification, LocalDate today) {
        return credits.completedBetween(certification.id, CePeriod.of(certification,
                calendars.of(certification.program), today))
                .chain(completed -> candidates.findById(certification.candidateId)
                        .chain(candidate -> (candidate == null ? Uni.createFrom().<LocalDate>nullItem()
                                : candidates.qualifyingLicenceExpiresOn(candidate))
                                .chain(licenceExpiresOn -> renewals.pendingAudit(certification)
                                        .map(pending -> assess(certification, today, completed, candidate,
                                                licenceExpiresOn, pending)))));
    }

    private Assessment assess(Certification certification, LocalDate today, List<CeCredit> credits,
            CandidateRecord candidate, LocalDate licenceExpiresOn, Renewal pending) {
        RenewalCalendar calendar = calendars.of(certification.program);
        RenewalRequirements required = requirements.of(certification.program);
        BigDecimal earned = credits.stream().map(c -> c.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> earnedByCategory = new HashMap<>();
        for (CeCredit credit : credits) {
            for (String category : credit.categories) {
                earnedByCategory.merge(category, credit.hours, BigDecimal::add);
            }
        }
        boolean licenceRequired = candidate != null && candidate.licenceBased;
        List<Missing> missing = new ArrayList<>();
        RenewalOpening opening = certification.renewalOpening(today, calendar);
        RenewalOpening.Open open = opening instanceof RenewalOpening.Open o ? o : null;
        if (opening instanceof RenewalOpening.Closed closed) {
            missing.add(Missing.of(closed));
        }
        if (pending != null) {
            missing.add(new Missing(Missing.STATUS, "renewal " + pending.id + " awaits its CE audit"));
        }
        missing.addAll(required.unmet(earned, earnedByCategory, licenceRequired, licenceExpiresOn, today));
        List<RenewalProgress.CategoryProgress> categories = required.categoryMinimums().entrySet().stream()
                .map(minimum -> new RenewalProgress.CategoryProgress(minimum.getKey(), minimum.getValue(),
                        earnedByCategory.getOrDefault(minimum.getKey(), BigDecimal.ZERO)))
                .toList();
        BigDecimal ethics = earnedByCategory.getOrDefault(CeCategory.ETHICS, BigDecimal.ZERO);
        return new Assessment(new RenewalProgress(certification.program, required.requiredHours(), earned,
                required.minimum(CeCategory.ETHICS), required.knows(CeCategory.ETHICS) ? ethics : BigDecimal.ZERO,
                categories, licenceRequired, calendar.windowOpensOn(certification.expiresOn),
                certification.expiresOn, calendar.allowsLateRenewal()
                        ? calendar.lateRenewalEndsOn(certification.expiresOn) : null,
                missing.isEmpty(), open != null && open.late(), List.copyOf(missing),
                pending == null ? null : pending.id), open == null ? null : open.nextCycleStartsOn());
    }
}
