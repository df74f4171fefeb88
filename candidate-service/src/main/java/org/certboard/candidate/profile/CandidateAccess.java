package org.certboard.candidate.profile;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place candidate-service decides whose records a caller may touch: staff any candidate's, a candidate only
 * the profile bound to their token's subject (and what belongs to it). Another person's records answer 404, exactly
 * as records that do not exist, so a candidate cannot learn that they do.
 */
@ApplicationScoped
public class CandidateAccess {
    private final Caller caller;
    private final CandidateRepository candidates;

    public CandidateAccess(Caller caller, CandidateRepository candidates) {
        this.caller = caller;
        this.candidates = candidates;
    }

    /** Passes when the caller may act on this candidate's profile, evidence and applications. */
    public Uni<Void> candidate(UUID candidateId) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        String subject = caller.subject();
        return Panache.withSession(() -> candidates.isBoundTo(candidateId, subject))
                .invoke(own -> requireOwn(own, "candidate", candidateId)).replaceWithVoid();
    }

    /**
     * Passes when the caller may read a record that belongs to a candidate, such as an application. The package that
     * owns the record names its candidate ({@code ownerOf}, run in this session; null when the record does not
     * exist), so this package needs to know nothing about it.
     */
    public Uni<Void> record(String what, UUID id, Supplier<Uni<UUID>> ownerOf) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        String subject = caller.subject();
        return Panache.withSession(() -> ownerOf.get().chain(candidateId -> candidateId == null
                ? Uni.createFrom().item(false)
                : candidates.isBoundTo(candidateId, subject)))
                .invoke(own -> requireOwn(own, what, id)).replaceWithVoid();
    }

    /** The id of the caller's own profile; 404 while they have not registered. */
    public Uni<UUID> self() {
        String subject = caller.subject();
        return Panache.withSession(() -> candidates.idOfSubject(subject)).onItem().ifNull()
                .failWith(() -> new ProblemException(Problem.of(404, "Not registered",
                        "no candidate profile is bound to your account yet; register with POST /candidates")));
    }

    private static void requireOwn(boolean own, String what, UUID id) {
        if (!own) {
            throw ProblemException.notFound(what, id);
        }
    }
}
