package org.certboard.candidate.profile;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place candidate-service decides whose records a caller may touch: staff any candidate's, a candidate only
 * the profile bound to their token's subject. Another person's records answer 404, exactly as records that do not
 * exist, so a candidate cannot learn that they do.
 */
@ApplicationScoped
public class CandidateAccess {
    private final Caller caller;

    public CandidateAccess(Caller caller) {
        this.caller = caller;
    }

    /** Passes when the caller may act on this candidate's profile, evidence and applications. */
    public Uni<Void> candidate(UUID candidateId) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        String subject = caller.subject();
        return Panache.withSession(() -> Candidate.isBoundTo(candidateId, subject))
                .invoke(own -> requireOwn(own, "candidate", candidateId)).replaceWithVoid();
    }

    /** Passes when the caller may read this application. */
    public Uni<Void> application(UUID applicationId) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        String subject = caller.subject();
        return Panache.withSession(() -> Candidate.count(
                "subject = ?1 and id = (select a.candidateId from Application a where a.id = ?2)", subject,
                applicationId))
                .invoke(n -> requireOwn(n > 0, "application", applicationId)).replaceWithVoid();
    }

    /** The id of the caller's own profile; 404 while they have not registered. */
    public Uni<UUID> self() {
        String subject = caller.subject();
        return Panache.withSession(() -> Candidate.idOfSubject(subject)).onItem().ifNull()
                .failWith(() -> new ProblemException(Problem.of(404, "Not registered",
                        "no candidate profile is bound to your account yet; register with POST /candidates")));
    }

    private static void requireOwn(boolean own, String what, UUID id) {
        if (!own) {
            throw ProblemException.notFound(what, id);
        }
    }
}
