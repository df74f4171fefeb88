package org.certboard.candidate.application;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.candidate.eligibility.EligibilityRules;
import org.certboard.candidate.evidence.EvidenceService;
import org.certboard.candidate.persistence.UniqueViolations;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.events.Actor;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.http.Preconditions;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Submits applications, records staff decisions and withdrawals, and announces every decision. The transitions
 * themselves are {@link Application}'s; this class loads, locks, persists and publishes.
 */
@ApplicationScoped
public class ApplicationService {
    private static final String UNDER_REVIEW_INDEX = "application_under_review";

    private final ApplicationRepository applications;
    private final CandidateRepository candidates;
    private final Programs programs;
    private final ProgramRules<EligibilityRules> rules;
    private final EvidenceService evidence;
    private final Outbox outbox;
    private final BoardTime time;

    public ApplicationService(ApplicationRepository applications, CandidateRepository candidates,
            Programs programs, ProgramRules<EligibilityRules> rules, EvidenceService evidence, Outbox outbox,
            BoardTime time) {
        this.applications = applications;
        this.candidates = candidates;
        this.programs = programs;
        this.rules = rules;
        this.evidence = evidence;
        this.outbox = outbox;
        this.time = time;
    }

    /**
     * Decides the candidate's file as it stands today by the rules of the program applied to (an unknown program is
     * a 404). The candidate row is locked so that two submissions of the same candidate are decided one after the
     * other; the second to the same program then finds the first and is refused while it is under review or its
     * approval still authorises the candidate. An approval whose authorisation period has ended does not block: the
     * candidate must apply (and be decided) again. Applications to other programs never block.
     */
    public Uni<ApplicationView> submit(UUID candidateId, String programCode, Submission body, Actor submitter) {
        String program = programs.require(programCode).code();
        return UniqueViolations.asConflict(Panache.withTransaction(() -> candidates.requireLocked(candidateId)
                .chain(() -> {
                    // Read today once, after the lock: the open check and the decision use the same day.
                    LocalDate today = time.today();
                    return applications.hasOpen(candidateId, program, today)
                            .invoke(open -> {
                                if (open) {
                                    throw Refusal.conflict("Application already open", "candidate "
                                            + candidateId + " has an application to " + program + " under review or "
                                            + "an approval that still authorises them; a new one can be submitted "
                                            + "after a denial, a withdrawal or the end of the authorisation period");
                                }
                            })
                            .chain(() -> evidence.evidence(candidateId, body.attestation()))
                            .chain(file -> {
                                Application.Submitted submitted = Application.submit(candidateId, program,
                                        body.attestation(), rules.of(program).decide(file, today), today,
                                        time.now(), submitter);
                                return applications.persist(submitted.application())
                                        .call(() -> outbox.add(submitted.event()))
                                        .call(application -> fixNameIfDecided(application));
                            });
                })),
                UNDER_REVIEW_INDEX, () -> Refusal.conflict("Application already open", "candidate "
                        + candidateId + " has an application to " + program + " under review"))
                .map(ApplicationService::view);
    }

    /** The candidate's latest application to the program; 404 for an unknown program or none yet. */
    public Uni<Versioned<ApplicationView>> latest(UUID candidateId, String programCode) {
        String program = programs.require(programCode).code();
        return Panache.withSession(() -> candidates.require(candidateId)
                .chain(() -> applications.latest(candidateId, program))
                .onItem().ifNull().failWith(() -> Refusal.notFound("application to " + program + " of candidate",
                        candidateId)))
                .map(ApplicationService::versioned);
    }

    public Uni<Versioned<ApplicationView>> get(UUID applicationId) {
        return Panache.withSession(() -> applications.require(applicationId, LockModeType.NONE))
                .map(ApplicationService::versioned);
    }

    /** The candidate an application belongs to (null when there is no such application); needs the caller's session. */
    public Uni<UUID> candidateOf(UUID applicationId) {
        return applications.candidateOf(applicationId);
    }

    /**
     * Staff settle an application under review, if {@code ifMatch} names it as it is now: two staff members deciding
     * the same application cannot overwrite each other's decision.
     */
    public Uni<Versioned<ApplicationView>> decide(UUID applicationId, StaffDecision body, Actor staff,
            String ifMatch) {
        return Panache.withTransaction(() -> lockCandidateOf(applicationId)
                .chain(() -> applications.require(applicationId, LockModeType.PESSIMISTIC_WRITE))
                .invoke(application -> Preconditions.requireIfMatch(ifMatch, application.version))
                .call(application -> outbox.add(application.decide(body.decision() == StaffDecision.Choice.APPROVE,
                        body.reason(), staff, time.today(),
                        rules.of(application.program).criteria().authorisationPeriod(), time.now())))
                .call(this::fixNameIfDecided))
                // read after the commit, whose flush bumped the version
                .map(ApplicationService::versioned);
    }

    /** Staff withdraw an approval, ending the exam authorisation. */
    public Uni<ApplicationView> withdraw(UUID applicationId, Withdrawal body, Actor staff) {
        return Panache.withTransaction(() -> lockCandidateOf(applicationId)
                .chain(() -> applications.require(applicationId, LockModeType.PESSIMISTIC_WRITE))
                .call(application -> outbox.add(application.withdraw(body.reason(), staff, time.now()))))
                .map(ApplicationService::view);
    }

    /**
     * Once an application is decided the board relies on the candidate's legal name: a change by the candidate then
     * goes through staff (profile's name-change requests). Under review is not decided yet.
     */
    private Uni<Void> fixNameIfDecided(Application application) {
        return application.status == ApplicationStatus.UNDER_REVIEW ? Uni.createFrom().voidItem()
                : candidates.fixName(application.candidateId, application.decidedAt);
    }

    private static Versioned<ApplicationView> versioned(Application a) {
        return new Versioned<>(view(a), a.version);
    }

    static ApplicationView view(Application a) {
        return ApplicationView.of(a.id, a.candidateId, a.program, a.status, a.pathway, a.checks, a.submittedOn,
                a.authorisedUntil, a.decidedAt, a.decisionReason, a.submittedBy(), a.decidedBy());
    }

    /**
     * Locks the candidate an application belongs to (no-op when the application does not exist; the caller's lookup
     * then answers 404). Every write that announces an event about a candidate takes this lock first, candidate before
     * application, so one candidate's events are written, and relayed, in commit order.
     */
    private Uni<Void> lockCandidateOf(UUID applicationId) {
        return applications.candidateOf(applicationId)
                .chain(candidateId -> candidateId == null ? Uni.createFrom().voidItem()
                        : candidates.lock(candidateId).replaceWithVoid());
    }

}
