package org.certboard.candidate.profile;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Actor;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place candidate-service decides whose records a caller may touch and in which role: staff any candidate's,
 * a candidate only the profile bound to their token's subject (and what belongs to it). Another person's records
 * answer 404, exactly as records that do not exist, so a candidate cannot learn that they do.
 * <p>
 * A token holding several roles acts here as staff if it holds staff, and otherwise as the person (docs/security.md,
 * "Tokens with several roles"): the admin or vendor role adds only its own endpoints, never a way around a
 * candidate's rules. When a person acts on their own profile, the profile takes their account's verified address
 * first (the address follows the account).
 */
@ApplicationScoped
public class CandidateAccess {
    private final Caller caller;
    private final CandidateRepository candidates;
    private final AccountEmail accountEmail;

    public CandidateAccess(Caller caller, CandidateRepository candidates, AccountEmail accountEmail) {
        this.caller = caller;
        this.candidates = candidates;
        this.accountEmail = accountEmail;
    }

    /** Whether the caller acts as the person (bound to their own profile) rather than as staff. */
    public boolean actsAsPerson() {
        return !caller.isStaff();
    }

    /** Who acts, in the role this service lets them act in (see the class comment). */
    public Actor actor() {
        return new Actor(caller.subject(), actsAsPerson() ? Roles.CANDIDATE : Roles.STAFF);
    }

    /** The address the provider verified for the caller's account; empty when the token carries none. */
    public Optional<String> verifiedEmail() {
        return caller.verifiedEmail();
    }

    /** Passes when the caller may act on this candidate's profile, evidence and applications. */
    public Uni<Void> candidate(UUID candidateId) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        String subject = caller.subject();
        return Panache.withSession(() -> candidates.boundTo(candidateId, subject))
                .invoke(own -> requireOwn(own != null, "candidate", candidateId))
                .call(this::followAccount).replaceWithVoid();
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
        return Panache.withSession(() -> candidates.ofSubject(subject)).onItem().ifNull()
                .failWith(() -> Refusal.notFoundAs("Not registered",
                        "no candidate profile is bound to your account yet; register with POST /candidates"))
                .call(this::followAccount).map(candidate -> candidate.id);
    }

    private Uni<Void> followAccount(Candidate own) {
        return caller.verifiedEmail().map(verified -> accountEmail.follow(own, verified))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private static void requireOwn(boolean own, String what, UUID id) {
        if (!own) {
            throw Refusal.notFound(what, id);
        }
    }
}
