package org.certboard.candidate.profile;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.clock.BoardTime;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A bound profile's address is the one the provider verified for its account, and follows it when the person changes
 * it there: taken over on the person's next request on their profile. An address another profile holds as one the
 * board vouches for is not taken (uniqueness stands); the profile then keeps its own, unconfirmed, and staff see it in
 * the identity review.
 */
@ApplicationScoped
public class AccountEmail {
    private final CandidateRepository candidates;
    private final IdentityFindingRepository findings;
    private final BoardTime time;

    public AccountEmail(CandidateRepository candidates, IdentityFindingRepository findings, BoardTime time) {
        this.candidates = candidates;
        this.findings = findings;
        this.time = time;
    }

    /** {@code own} as read (unlocked); nothing to do, and no write, when it already carries the verified address. */
    Uni<Void> follow(Candidate own, String verified) {
        if (own.emailVerified && verified.equals(own.email)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> candidates.requireLocked(own.id)
                .chain(candidate -> candidates.addressVouchedForElsewhere(verified, candidate.id)
                        .chain(taken -> {
                            if (!candidate.followAccountEmail(verified, !taken, time.now())) {
                                return Uni.createFrom().voidItem();
                            }
                            return taken
                                    ? findings.add(candidate.id, IdentityFinding.EMAIL_NOT_CONFIRMED, time.now(),
                                            "the account's verified address is held by another profile; this one "
                                                    + "keeps its previous address until staff resolve it")
                                    : findings.clear(candidate.id, IdentityFinding.EMAIL_NOT_CONFIRMED);
                        })))
                // Another request of the same person may take the address at the same moment, or another profile
                // the last free moment: the index decides, and the next request tries again. The request itself goes on.
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
