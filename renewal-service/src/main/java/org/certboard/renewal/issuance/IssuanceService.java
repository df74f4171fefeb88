package org.certboard.renewal.issuance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationRepository;
import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.credential.CredentialService;
import org.certboard.renewal.recertification.RenewalService;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** Applies passed exams ({@link ExamPassOutcome} decides what each does): issuing, renewal by exam, lapse. */
@ApplicationScoped
public class IssuanceService {
    private static final Logger LOG = Logger.getLogger(IssuanceService.class);

    private final CertificationRepository certifications;
    private final AppliedExamRepository appliedExams;
    private final RenewalService renewals;
    private final CredentialService credentials;
    private final ProgramRules<RenewalCalendar> calendars;
    private final Programs programs;
    private final Outbox outbox;
    private final BoardTime time;

    public IssuanceService(CertificationRepository certifications, AppliedExamRepository appliedExams,
            RenewalService renewals, CredentialService credentials, ProgramRules<RenewalCalendar> calendars,
            Programs programs, Outbox outbox, BoardTime time) {
        this.certifications = certifications;
        this.appliedExams = appliedExams;
        this.renewals = renewals;
        this.credentials = credentials;
        this.calendars = calendars;
        this.programs = programs;
        this.outbox = outbox;
        this.time = time;
    }

    private record Applied(UUID certificationId, String outcome) {
    }

    /**
     * Runs in the consumer's transaction. A booking's pass is applied once even if exam-service published it twice
     * under different event ids. The exam's program decides which of the person's certifications it concerns (one
     * per program) and whose calendar applies; a program this deployment does not run fails the event (dead letter).
     */
    public Uni<Void> onExamPassed(ExamPassed passed) {
        UUID candidateId = passed.candidateId();
        String program = passed.program();
        RenewalCalendar calendar = calendars.of(program);
        return appliedExams.applied(passed.bookingId()).chain(seen -> seen ? Uni.createFrom().voidItem()
                : certifications.lockLive(candidateId, program)
                        .chain(live -> (live != null ? Uni.createFrom().<Certification>nullItem()
                                : certifications.lockNewestLapsed(candidateId, program))
                                .map(lapsed -> ExamPassOutcome.of(live, lapsed, passed.examDate(), calendar)))
                        .chain(outcome -> apply(passed, outcome))
                        .chain(applied -> appliedExams.record(passed.bookingId(), applied.certificationId(),
                                applied.outcome(), time.now())));
    }

    private Uni<Applied> apply(ExamPassed passed, ExamPassOutcome outcome) {
        LocalDate examDate = passed.examDate();
        RenewalCalendar calendar = calendars.of(passed.program());
        if (outcome instanceof ExamPassOutcome.RenewByExam renew) {
            Certification certification = renew.certification();
            if (certification.status == CertificationStatus.LAPSED) {
                LOG.infof("exam passed on %s renews lapsed certification %s late: the exam lies before its lapse",
                        examDate, certification.number);
            }
            return renewals.renewByExam(certification, renew.late(), time.today())
                    .replaceWith(new Applied(certification.id, "RENEWED"));
        }
        if (outcome instanceof ExamPassOutcome.LapseThenIssue lapse) {
            Certification certification = lapse.certification();
            LOG.infof("certification %s (%s) lapsed on %s, before the exam passed on %s being applied", certification
                    .number, certification.status, certification.lapsesAfter(calendar), examDate);
            // flushed: the lapse must reach the database before the new certification of the same person is
            // inserted (certification_one_live, per program), and Hibernate would otherwise flush the insert first
            return outbox.addAll(certification.lapseOverdue(calendar))
                    .chain(certifications::flush)
                    .chain(() -> issue(passed));
        }
        if (outcome instanceof ExamPassOutcome.Ignore ignore) {
            Certification certification = ignore.certification();
            LOG.infof("exam passed on %s by candidate %s changes nothing: certification %s is %s until %s", examDate,
                    passed.candidateId(), certification.number, certification.status, certification.expiresOn);
            return Uni.createFrom().item(new Applied(certification.id, "IGNORED"));
        }
        return issue(passed);
    }

    /** A new certification of the exam's program, numbered with the program's prefix. */
    private Uni<Applied> issue(ExamPassed passed) {
        String program = passed.program();
        LocalDate examDate = passed.examDate();
        String prefix = programs.require(program).numberPrefix();
        return certifications.nextNumber().chain(sequence -> {
            Certification.Issued issued = Certification.issue("%s-%d-%06d".formatted(prefix, examDate.getYear(),
                    sequence), program, passed.candidateId(), examDate, calendars.of(program));
            Certification certification = issued.certification();
            return certifications.persist(certification)
                    .call(() -> outbox.add(issued.event()))
                    .call(() -> credentials.issue(certification))
                    .replaceWith(new Applied(certification.id, "ISSUED"));
        });
    }
}
