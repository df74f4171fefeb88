package org.certboard.renewal.issuance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.inbox.IncomingEvent;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationRepository;
import org.certboard.renewal.certification.CertificationRepository.Holding;
import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.credential.CredentialService;
import org.certboard.renewal.issuance.AppliedExamRepository.AppliedExam;
import org.certboard.renewal.recertification.RenewalService;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Applies passed exams ({@link ExamPassOutcome} decides what each does): issuing, renewal by exam, lapse. A poll's
 * passes are applied together, with one statement per table for the usual first certification, and with the effects
 * and order of applying them one after the other.
 */
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

    /** A pass and the event that brought it, whose trace what it causes continues. */
    private record Pass(IncomingEvent event, ExamPassed passed) {

        Holding holding() {
            return new Holding(passed.candidateId(), passed.program());
        }
    }

    /**
     * Applies the passes among a poll's new events (in poll order; other exam events are ignored), in the consumer's
     * transaction. A booking's pass is applied once even if exam-service published it twice under different event
     * ids. The exam's program decides which of the person's certifications it concerns (one per program) and whose
     * calendar applies; a program this deployment does not run fails the poll, and then that event alone (dead
     * letter).
     * <p>
     * A person's passes are applied in waves, the person's first pass of the poll in the first wave, the second in
     * the second, and so on, so each wave sees what the previous one did to the person, as one-by-one application
     * would, and the person's events reach the outbox in the same order.
     */
    public Uni<Void> onExamsPassed(List<IncomingEvent> events) {
        List<Pass> passes = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (event.data() instanceof ExamPassed passed) {
                // fails the poll, before any statement, for a program this deployment does not run
                calendars.of(passed.program());
                passes.add(new Pass(event, passed));
            }
        }
        if (passes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return appliedExams.appliedAmong(passes.stream().map(pass -> pass.passed().bookingId()).toList())
                .chain(applied -> {
                    Set<UUID> seen = new HashSet<>(applied);
                    List<List<Pass>> waves = new ArrayList<>();
                    Map<UUID, Integer> passesOf = new HashMap<>();
                    for (Pass pass : passes) {
                        if (!seen.add(pass.passed().bookingId())) {
                            continue;
                        }
                        int wave = passesOf.merge(pass.passed().candidateId(), 1, Integer::sum) - 1;
                        if (wave == waves.size()) {
                            waves.add(new ArrayList<>());
                        }
                        waves.get(wave).add(pass);
                    }
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (List<Pass> wave : waves) {
                        done = done.chain(() -> applyWave(wave));
                    }
                    return done;
                });
    }

    /** What a wave's passes wrote and still have to write: outbox events, passes to issue for, applied passes. */
    private static final class Wave {
        final List<Outbox.Traced> events = new ArrayList<>();
        final List<Pass> toIssue = new ArrayList<>();
        final List<AppliedExam> applied = new ArrayList<>();
    }

    /** Passes of different people: the certifications of each pass's holding are read and locked together. */
    private Uni<Void> applyWave(List<Pass> passes) {
        List<Holding> holdings = passes.stream().map(Pass::holding).toList();
        return certifications.lockLiveOrNewestLapsed(holdings).chain(found -> {
            Map<Holding, Certification> liveOf = byHolding(found.stream()
                    .filter(certification -> certification.status != CertificationStatus.LAPSED).toList());
            Map<Holding, Certification> lapsedOf = byHolding(found.stream()
                    .filter(certification -> certification.status == CertificationStatus.LAPSED).toList());
            Wave wave = new Wave();
            Uni<Void> done = Uni.createFrom().voidItem();
            for (Pass pass : passes) {
                ExamPassOutcome outcome = ExamPassOutcome.of(liveOf.get(pass.holding()), lapsedOf.get(pass.holding()),
                        pass.passed().examDate(), calendars.of(pass.passed().program()));
                done = done.chain(() -> apply(pass, outcome, wave));
            }
            // the lapses and renewals reach the database before the new certifications are inserted
            // (certification_one_live) and before the next wave reads
            return done.chain(certifications::flush)
                    .chain(() -> issue(wave))
                    .chain(() -> outbox.addTraced(wave.events))
                    .chain(() -> appliedExams.record(wave.applied, time.now()));
        });
    }

    private static Map<Holding, Certification> byHolding(List<Certification> found) {
        Map<Holding, Certification> of = new HashMap<>();
        found.forEach(certification -> of.put(Holding.of(certification), certification));
        return of;
    }

    /** The usual first certification joins the wave's set; the rarer outcomes change their certification now. */
    private Uni<Void> apply(Pass pass, ExamPassOutcome outcome, Wave wave) {
        ExamPassed passed = pass.passed();
        LocalDate examDate = passed.examDate();
        RenewalCalendar calendar = calendars.of(passed.program());
        if (outcome instanceof ExamPassOutcome.RenewByExam renew) {
            Certification certification = renew.certification();
            if (certification.status == CertificationStatus.LAPSED) {
                LOG.infof("exam passed on %s renews lapsed certification %s late: the exam lies before its lapse",
                        examDate, certification.number);
            }
            return renewals.renewByExam(certification, renew.late(), time.today()).invoke(renewed -> {
                wave.events.add(pass.event().causes(renewed));
                wave.applied.add(new AppliedExam(passed.bookingId(), certification.id, "RENEWED"));
            }).replaceWithVoid();
        }
        if (outcome instanceof ExamPassOutcome.LapseThenIssue lapse) {
            Certification certification = lapse.certification();
            LOG.infof("certification %s (%s) lapsed on %s, before the exam passed on %s being applied", certification
                    .number, certification.status, certification.lapsesAfter(calendar), examDate);
            certification.lapseOverdue(calendar).forEach(event -> wave.events.add(pass.event().causes(event)));
            wave.toIssue.add(pass);
        } else if (outcome instanceof ExamPassOutcome.Ignore ignore) {
            Certification certification = ignore.certification();
            LOG.infof("exam passed on %s by candidate %s changes nothing: certification %s is %s until %s", examDate,
                    passed.candidateId(), certification.number, certification.status, certification.expiresOn);
            wave.applied.add(new AppliedExam(passed.bookingId(), certification.id, "IGNORED"));
        } else {
            wave.toIssue.add(pass);
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * New certifications of the exams' programs, numbered with each program's prefix, with their first credentials:
     * one statement each for the numbers, the certifications and the credentials.
     */
    private Uni<Void> issue(Wave wave) {
        if (wave.toIssue.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return certifications.nextNumbers(wave.toIssue.size()).chain(numbers -> {
            List<Certification> issued = new ArrayList<>(numbers.size());
            for (int i = 0; i < numbers.size(); i++) {
                Pass pass = wave.toIssue.get(i);
                ExamPassed passed = pass.passed();
                String program = passed.program();
                Certification.Issued certified = Certification.issue("%s-%d-%06d".formatted(
                        programs.require(program).numberPrefix(), passed.examDate().getYear(), numbers.get(i)),
                        program, passed.candidateId(), passed.examDate(), calendars.of(program));
                issued.add(certified.certification());
                wave.events.add(pass.event().causes(certified.event()));
                wave.applied.add(new AppliedExam(passed.bookingId(), certified.certification().id, "ISSUED"));
            }
            return certifications.insertIssued(issued).chain(() -> credentials.issueFirst(issued));
        });
    }
}
