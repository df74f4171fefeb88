package org.certboard.renewal.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.events.Actor;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationLapsed;
import org.certboard.events.renewal.CertificationRetired;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.ProblemException;
import org.certboard.renewal.clock.RenewalCalendar;
import org.certboard.renewal.config.BoardConfig;
import org.certboard.renewal.credential.CredentialService;
import org.certboard.renewal.renewal.Renewal;
import org.certboard.renewal.renewal.RenewalService;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Issues certifications on passed exams, and the certificant's own status changes (retirement). */
@ApplicationScoped
public class CertificationService {
    private static final Logger LOG = Logger.getLogger(CertificationService.class);

    private final RenewalCalendar calendar;
    private final RenewalService renewals;
    private final Outbox outbox;
    private final Clock clock;
    private final String prefix;
    private final CredentialService credentials;

    public CertificationService(RenewalCalendar calendar, RenewalService renewals, Outbox outbox, Clock clock,
            BoardConfig board, CredentialService credentials) {
        this.calendar = calendar;
        this.renewals = renewals;
        this.outbox = outbox;
        this.clock = clock;
        this.prefix = board.credentialPrefix();
        this.credentials = credentials;
    }

    /**
     * Runs in the consumer's transaction. A booking's pass is applied once even if exam-service published it twice
     * under different event ids. The exam date decides, never the day the result arrives: the outcome is what it
     * would have been had the vendor released the result on the exam date.
     * <ul>
     * <li>No certification → a new one.</li>
     * <li>A pass in the last year of a cycle or in its grace period renews that cycle by re-examination, also when
     * the result arrives after the grace period and the clock job has meanwhile lapsed the certification: it becomes
     * ACTIVE again without a gap ({@code CertificationRenewed}, late when the exam was after expiry).</li>
     * <li>A pass after a retired certification's reactivation window → the retired certification lapses (if the
     * clock job has not done so yet) and the pass issues a new one; within that window it changes nothing
     * (reactivation is by meeting the renewal criteria, without an exam).</li>
     * <li>A pass after a certification's grace period → a new certification; if the clock job has not yet expired
     * and lapsed the old one (an outage), that happens first, in this transaction, with the dates it would have
     * had.</li>
     * <li>Any other pass changes nothing: the certification it would start already runs.</li>
     * </ul>
     */
    public Uni<Void> onExamPassed(ExamPassed passed) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from applied_exam where booking_id = ?1", Long.class)
                        .setParameter(1, passed.bookingId()).getSingleResult())
                .chain(seen -> seen > 0 ? Uni.createFrom().voidItem()
                        : Certification.<Certification>find("candidateId = ?1 and status <> ?2", passed.candidateId(),
                                CertificationStatus.LAPSED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                                .chain(live -> live != null ? apply(passed, live) : applyWithoutLive(passed))
                                .chain(outcome -> recordApplied(passed.bookingId(), outcome)));
    }

    private record Outcome(UUID certificationId, String what) {
    }

    /** No live certification: the newest lapsed one may still be renewed by a pass dated before its lapse. */
    private Uni<Outcome> applyWithoutLive(ExamPassed passed) {
        return Certification.<Certification>find("candidateId = ?1 and status = ?2 order by expiresOn desc",
                passed.candidateId(), CertificationStatus.LAPSED).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(lapsed -> {
                    LocalDate examDate = passed.examDate();
                    if (lapsed != null && lapsed.retiredOn == null && renewsByExam(lapsed, examDate)) {
                        LOG.infof("exam passed on %s renews lapsed certification %s late: the exam lies before its"
                                + " lapse", examDate, lapsed.number);
                        return renewals.renewByExam(lapsed, examDate.isAfter(lapsed.expiresOn), today())
                                .map(renewal -> new Outcome(lapsed.id, "RENEWED"));
                    }
                    if (lapsed != null && lapsed.retiredOn != null
                            && !examDate.isAfter(calendar.reactivationEndsOn(lapsed.retiredOn))) {
                        return ignore(passed, lapsed);
                    }
                    return issue(passed.candidateId(), examDate).map(issued -> new Outcome(issued.id, "ISSUED"));
                });
    }

    private Uni<Outcome> apply(ExamPassed passed, Certification live) {
        LocalDate examDate = passed.examDate();
        if (live.status == CertificationStatus.RETIRED
                && examDate.isAfter(calendar.reactivationEndsOn(live.retiredOn))) {
            return lapseRetired(live).chain(() -> issue(passed.candidateId(), examDate))
                    .map(issued -> new Outcome(issued.id, "ISSUED"));
        }
        boolean renewable = live.status == CertificationStatus.ACTIVE || live.status == CertificationStatus.EXPIRED;
        if (renewable && examDate.isAfter(calendar.lateRenewalEndsOn(live.expiresOn))) {
            // the clock job has not caught up (an outage, a clock jump): by the exam date this one had lapsed
            return lapseOverdue(live).chain(() -> issue(passed.candidateId(), examDate))
                    .map(issued -> new Outcome(issued.id, "ISSUED"));
        }
        if (renewable && renewsByExam(live, examDate)) {
            return renewals.renewByExam(live, examDate.isAfter(live.expiresOn), today())
                    .map(renewal -> new Outcome(live.id, "RENEWED"));
        }
        return ignore(passed, live);
    }

    /** An exam in the cycle's last year or in its grace period renews the cycle. */
    private boolean renewsByExam(Certification certification, LocalDate examDate) {
        return examDate.isAfter(certification.expiresOn.minusYears(1))
                && !examDate.isAfter(calendar.lateRenewalEndsOn(certification.expiresOn));
    }

    private static Uni<Outcome> ignore(ExamPassed passed, Certification certification) {
        LOG.infof("exam passed on %s by candidate %s changes nothing: certification %s is %s until %s",
                passed.examDate(), passed.candidateId(), certification.number, certification.status,
                certification.expiresOn);
        return Uni.createFrom().item(new Outcome(certification.id, "IGNORED"));
    }

    /**
     * Ends a retired certification whose reactivation window is over: LAPSED on the window's last day. Flushed at
     * once, because a new certification of the same person may only be inserted once this one no longer counts as
     * live ({@code certification_one_live}), and Hibernate would otherwise flush the insert before the update.
     */
    private Uni<Void> lapseRetired(Certification retired) {
        LocalDate lapsedOn = calendar.reactivationEndsOn(retired.retiredOn);
        LOG.infof("retired certification %s lapses: reactivation was possible until %s", retired.number, lapsedOn);
        return lapse(retired, lapsedOn);
    }

    /**
     * Performs what the clock job still owes a certification whose grace period ended before the exam: EXPIRED (if
     * still ACTIVE) and LAPSED, each with its event and its own date, so that consumers see the same history as when
     * the job ran in time. Reminders of the finished cycle are moot and not sent.
     */
    private Uni<Void> lapseOverdue(Certification certification) {
        LocalDate lapsedOn = calendar.lateRenewalEndsOn(certification.expiresOn);
        LOG.infof("certification %s lapsed on %s, before the exam being applied; the clock job had not caught up",
                certification.number, lapsedOn);
        Uni<Void> expired = certification.status != CertificationStatus.ACTIVE ? Uni.createFrom().voidItem()
                : outbox.add(new CertificationExpired(certification.candidateId, certification.number,
                        certification.expiresOn));
        return expired.chain(() -> lapse(certification, lapsedOn));
    }

    private Uni<Void> lapse(Certification certification, LocalDate lapsedOn) {
        certification.status = CertificationStatus.LAPSED;
        certification.nextDueOn = null;
        return Panache.getSession().chain(session -> session.flush()).chain(() -> outbox.add(
                new CertificationLapsed(certification.candidateId, certification.number, lapsedOn)));
    }

    private Uni<Certification> issue(UUID candidateId, LocalDate examDate) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select nextval('certification_number_seq')", Long.class)
                        .getSingleResult())
                .chain(sequence -> {
                    Certification certification = new Certification();
                    certification.id = UUID.randomUUID();
                    certification.number = "%s-%d-%06d".formatted(prefix, examDate.getYear(), sequence);
                    certification.candidateId = candidateId;
                    certification.firstCertifiedOn = examDate;
                    certification.startCycle(examDate, calendar.expiryFor(examDate), calendar);
                    return certification.<Certification>persist()
                            .call(() -> outbox.add(new CertificationIssued(candidateId, certification.number,
                                    certification.firstCertifiedOn, certification.cycleStartedOn,
                                    certification.expiresOn)))
                            .call(() -> credentials.issue(certification, certification.cycleStartedOn,
                                    certification.expiresOn));
                });
    }

    private Uni<Void> recordApplied(UUID bookingId, Outcome outcome) {
        // flushed first: native statements do not flush the session, and the row refers to a new certification
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                "insert into applied_exam (booking_id, certification_id, outcome, applied_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, bookingId).setParameter(2, outcome.certificationId())
                .setParameter(3, outcome.what()).setParameter(4, clock.instant())
                .executeUpdate())).replaceWithVoid();
    }

    public Uni<CertificationView> get(String number) {
        return Panache.withSession(() -> Certification.byNumber(number)).map(CertificationView::of);
    }

    public Uni<Page<CertificationView>> list(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> {
            var query = candidateId == null ? Certification.<Certification>find("order by number")
                    : Certification.<Certification>find("candidateId = ?1 order by number", candidateId);
            return paging.fetch(query, CertificationView::of);
        });
    }

    /**
     * Retired status may be chosen until the retirement window after expiry closes, also from LAPSED (the window is
     * longer than the grace period) unless the person has been certified anew since.
     */
    public Uni<CertificationView> retire(String number, Actor staff) {
        return Panache.withTransaction(() -> Certification.lockByNumber(number).chain(certification -> {
            LocalDate today = today();
            if (certification.status == CertificationStatus.RETIRED) {
                throw ProblemException.conflict("Already retired",
                        "certification " + number + " is retired since " + certification.retiredOn);
            }
            if (today.isAfter(calendar.retirementEndsOn(certification.expiresOn))) {
                throw ProblemException.unprocessable("Retirement no longer possible", "retired status could be chosen "
                        + "until " + calendar.retirementEndsOn(certification.expiresOn));
            }
            return ensureRetirable(certification).chain(() -> {
                certification.status = CertificationStatus.RETIRED;
                certification.retiredOn = today;
                // the clock job lapses it the day after its reactivation window ends
                certification.nextDueOn = calendar.reactivationEndsOn(today).plusDays(1);
                certification.retiredBy(staff);
                return outbox.add(new CertificationRetired(certification.candidateId, number, today, staff));
            }).replaceWith(certification);
        })).map(CertificationView::of);
    }

    private Uni<Void> ensureRetirable(Certification certification) {
        Uni<Long> pendingAudits = Renewal.count("certificationId = ?1 and status = ?2", certification.id,
                Renewal.Status.PENDING_AUDIT);
        Uni<Long> newerLive = certification.status != CertificationStatus.LAPSED ? Uni.createFrom().item(0L)
                : Certification.count("candidateId = ?1 and status <> ?2", certification.candidateId,
                        CertificationStatus.LAPSED);
        return pendingAudits.chain(pending -> {
            if (pending > 0) {
                throw ProblemException.conflict("Renewal awaiting audit",
                        "a renewal of " + certification.number + " awaits its CE audit; retire after the decision");
            }
            return newerLive;
        }).invoke(live -> {
            if (live > 0) {
                throw ProblemException.conflict("Certified anew",
                        "the person holds a newer certification; the lapsed " + certification.number + " cannot retire");
            }
        }).replaceWithVoid();
    }

    private LocalDate today() {
        return calendar.today(clock.instant());
    }
}
