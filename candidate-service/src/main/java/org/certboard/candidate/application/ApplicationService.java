package org.certboard.candidate.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.candidate.board.BoardProfile;
import org.certboard.candidate.eligibility.Decision;
import org.certboard.candidate.eligibility.EligibilityRules;
import org.certboard.candidate.eligibility.Outcome;
import org.certboard.candidate.evidence.EvidenceService;
import org.certboard.candidate.persistence.UniqueViolations;
import org.certboard.candidate.profile.Candidate;
import org.certboard.events.Actor;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Submits applications, records staff decisions and withdrawals, and announces every decision. */
@ApplicationScoped
public class ApplicationService {
    static final String STAFF_REVIEW = "STAFF_REVIEW";
    private static final String UNDER_REVIEW_INDEX = "application_under_review";
    private static final TypeReference<List<CheckView>> CHECKS = new TypeReference<>() {
    };

    private final EligibilityRules rules;
    private final EvidenceService evidence;
    private final BoardProfile board;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public ApplicationService(EligibilityRules rules, EvidenceService evidence, BoardProfile board, Outbox outbox,
            Clock clock, ObjectMapper json) {
        this.rules = rules;
        this.evidence = evidence;
        this.board = board;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Decides the candidate's file as it stands today. The candidate row is locked so that two submissions of the same
     * candidate are decided one after the other; the second then finds the first and is refused while it is under
     * review or its approval still authorises the candidate. An approval whose authorisation period has ended does not
     * block: the candidate must apply (and be decided) again.
     */
    public Uni<ApplicationView> submit(UUID candidateId, Submission body, Actor submitter) {
        return UniqueViolations.asConflict(Panache.withTransaction(() -> Candidate.requireLocked(candidateId)
                .chain(() -> {
                    // Read today once, after the lock: the open check and the decision use the same day.
                    LocalDate today = board.today();
                    return Application.hasOpen(candidateId, today)
                            .invoke(open -> {
                                if (open) {
                                    throw ProblemException.conflict("Application already open", "candidate "
                                            + candidateId + " has an application under review or an approval that "
                                            + "still authorises them; a new one can be submitted after a denial, a "
                                            + "withdrawal or the end of the authorisation period");
                                }
                            })
                            .chain(() -> evidence.evidence(candidateId, body.attestation()))
                            .chain(file -> {
                                Instant now = now();
                                Decision decision = rules.decide(file, today);
                                Application application = new Application();
                                application.id = UUID.randomUUID();
                                application.candidateId = candidateId;
                                application.status = ApplicationStatus.valueOf(decision.verdict().name());
                                application.pathway = decision.pathway();
                                application.licenceType = decision.licenceType();
                                application.attestation = body.attestation();
                                application.submittedOn = today;
                                application.submittedAt = now;
                                application.authorisedUntil = decision.authorisedUntil();
                                application.checks = write(decision.checks().stream().map(CheckView::of).toList());
                                application.decidedAt = now;
                                application.submittedBy(submitter);
                                return application.<Application>persist().call(this::announce);
                            });
                })),
                UNDER_REVIEW_INDEX, () -> ProblemException.conflict("Application already open", "candidate "
                        + candidateId + " has an application under review"))
                .map(this::view);
    }

    public Uni<ApplicationView> latest(UUID candidateId) {
        return Panache.withSession(() -> Candidate.require(candidateId)
                .chain(() -> Application.latest(candidateId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("application of candidate", candidateId)))
                .map(this::view);
    }

    public Uni<ApplicationView> get(UUID applicationId) {
        return Panache.withSession(() -> requireApplication(applicationId, LockModeType.NONE)).map(this::view);
    }

    /** Staff settle an application under review; the reason joins the checks so the record tells the whole story. */
    public Uni<ApplicationView> decide(UUID applicationId, StaffDecision body, Actor staff) {
        return Panache.withTransaction(() -> lockCandidateOf(applicationId)
                .chain(() -> requireApplication(applicationId, LockModeType.PESSIMISTIC_WRITE))
                .invoke(application -> requireStatus(application, ApplicationStatus.UNDER_REVIEW, "decided by staff"))
                .chain(application -> {
                    boolean approve = body.decision() == StaffDecision.Choice.APPROVE;
                    LocalDate today = board.today();
                    List<CheckView> checks = new ArrayList<>(read(application.checks));
                    checks.add(new CheckView(STAFF_REVIEW, approve, approve ? Outcome.PASSED : Outcome.FAILED,
                            (approve ? "approved" : "denied") + " by staff on " + today + ": " + body.reason()));
                    application.status = approve ? ApplicationStatus.APPROVED : ApplicationStatus.DENIED;
                    application.pathway = approve ? application.pathway : null;
                    // The authorisation runs from the day staff approve, not from the submission: time spent in
                    // review must not shorten the candidate's window to book.
                    application.authorisedUntil = approve ? today.plus(rules.board().authorisationPeriod()) : null;
                    application.checks = write(checks);
                    application.decidedAt = now();
                    application.decisionReason = body.reason();
                    application.decidedBy(staff);
                    return announce(application).replaceWith(application);
                }))
                .map(this::view);
    }

    public Uni<ApplicationView> withdraw(UUID applicationId, Withdrawal body, Actor staff) {
        return Panache.withTransaction(() -> lockCandidateOf(applicationId)
                .chain(() -> requireApplication(applicationId, LockModeType.PESSIMISTIC_WRITE))
                .invoke(application -> requireStatus(application, ApplicationStatus.APPROVED, "withdrawn"))
                .chain(application -> {
                    application.status = ApplicationStatus.WITHDRAWN;
                    application.pathway = null;
                    application.authorisedUntil = null;
                    application.decidedAt = now();
                    application.decisionReason = body.reason();
                    application.decidedBy(staff);
                    return announce(application).replaceWith(application);
                }))
                .map(this::view);
    }

    public ApplicationView view(Application a) {
        return new ApplicationView(a.id, a.candidateId, a.status,
                a.status == ApplicationStatus.APPROVED ? a.pathway : null,
                a.status == ApplicationStatus.UNDER_REVIEW ? a.pathway : null,
                read(a.checks), a.submittedOn, a.authorisedUntil, a.decidedAt, a.decisionReason, a.submittedBy(),
                a.decidedBy());
    }

    private Uni<Void> announce(Application a) {
        boolean approved = a.status == ApplicationStatus.APPROVED;
        return outbox.add(new EligibilityDecided(a.candidateId, a.id, a.status.name(), approved ? a.pathway : null,
                a.authorisedUntil, a.decidedAt, approved ? a.licenceType : null, a.decidedBy()));
    }

    /**
     * Locks the candidate an application belongs to (no-op when the application does not exist; the caller's lookup
     * then answers 404). Every write that announces an event about a candidate takes this lock first, candidate before
     * application, so one candidate's events are written, and relayed, in commit order.
     */
    private static Uni<Void> lockCandidateOf(UUID applicationId) {
        return Candidate.<Candidate>find("id = (select a.candidateId from Application a where a.id = ?1)",
                applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().replaceWithVoid();
    }

    private static Uni<Application> requireApplication(UUID id, LockModeType lock) {
        return Application.<Application>findById(id, lock).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("application", id));
    }

    private static void requireStatus(Application application, ApplicationStatus required, String action) {
        if (application.status != required) {
            throw ProblemException.conflict("Application not " + required.name().toLowerCase().replace('_', ' '),
                    "application " + application.id + " is " + application.status + "; only an application "
                            + required + " can be " + action);
        }
    }

    private String write(List<CheckView> checks) {
        try {
            return json.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the checks of a decision", e);
        }
    }

    private List<CheckView> read(String checks) {
        try {
            return json.readValue(checks, CHECKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checks are not readable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
