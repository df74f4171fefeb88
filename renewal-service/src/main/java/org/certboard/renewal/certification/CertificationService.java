package org.certboard.renewal.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.events.exam.ExamPassed;
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
     * under different event ids. A person with no certification (or only lapsed ones) gets a new one; a pass in the
     * last year of a live cycle (or in its grace period) renews that cycle by re-examination. A retired
     * certification whose reactivation window has ended (board date after {@code retiredOn + reactivation window}) is
     * finished: it becomes LAPSED ({@code CertificationLapsed}, in this transaction) and the pass issues a new one.
     * Any other pass changes nothing, because the certification it would start already runs (or, retired within the
     * reactivation window, can only be reactivated by meeting the renewal criteria, without an exam).
     */
    public Uni<Void> onExamPassed(ExamPassed passed) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from applied_exam where booking_id = ?1", Long.class)
                        .setParameter(1, passed.bookingId()).getSingleResult())
                .chain(seen -> seen > 0 ? Uni.createFrom().voidItem()
                        : Certification.<Certification>find("candidateId = ?1 and status <> ?2", passed.candidateId(),
                                CertificationStatus.LAPSED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                                .chain(live -> apply(passed, live))
                                .chain(outcome -> recordApplied(passed.bookingId(), outcome)));
    }

    private record Outcome(UUID certificationId, String what) {
    }

    private Uni<Outcome> apply(ExamPassed passed, Certification live) {
        LocalDate examDate = passed.examDate();
        if (live == null) {
            return issue(passed.candidateId(), examDate).map(issued -> new Outcome(issued.id, "ISSUED"));
        }
        if (live.status == CertificationStatus.RETIRED
                && today().isAfter(calendar.reactivationEndsOn(live.retiredOn))) {
            return lapseRetired(live).chain(() -> issue(passed.candidateId(), examDate))
                    .map(issued -> new Outcome(issued.id, "ISSUED"));
        }
        boolean renewable = live.status == CertificationStatus.ACTIVE || live.status == CertificationStatus.EXPIRED;
        if (renewable && examDate.isAfter(live.expiresOn.minusYears(1))
                && !examDate.isAfter(calendar.lateRenewalEndsOn(live.expiresOn))) {
            return renewals.renewByExam(live, examDate.isAfter(live.expiresOn), today())
                    .map(renewal -> new Outcome(live.id, "RENEWED"));
        }
        LOG.infof("exam passed on %s by candidate %s changes nothing: certification %s is %s until %s", examDate,
                passed.candidateId(), live.number, live.status, live.expiresOn);
        return Uni.createFrom().item(new Outcome(live.id, "IGNORED"));
    }

    /**
     * Ends a retired certification whose reactivation window is over: LAPSED on the window's last day. Flushed at
     * once, because a new certification of the same person may only be inserted once this one no longer counts as
     * live ({@code certification_one_live}), and Hibernate would otherwise flush the insert before the update.
     */
    private Uni<Void> lapseRetired(Certification retired) {
        LocalDate lapsedOn = calendar.reactivationEndsOn(retired.retiredOn);
        LOG.infof("retired certification %s lapses: reactivation was possible until %s", retired.number, lapsedOn);
        retired.status = CertificationStatus.LAPSED;
        retired.nextDueOn = null;
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> outbox.add(new CertificationLapsed(retired.candidateId, retired.number, lapsedOn)));
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
    public Uni<CertificationView> retire(String number) {
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
                certification.nextDueOn = null;
                return outbox.add(new CertificationRetired(certification.candidateId, number, today));
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
