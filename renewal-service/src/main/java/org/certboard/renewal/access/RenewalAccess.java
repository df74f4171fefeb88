package org.certboard.renewal.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.problem.CandidateNotKnownYet;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place renewal-service decides whose records a caller may touch. Staff reach every certification; a
 * candidate only their own (its CE credits and renewals with it), and another person's answers 404 as if it did not
 * exist, so sequential certification numbers reveal nothing.
 */
@ApplicationScoped
public class RenewalAccess {
    private final Caller caller;

    public RenewalAccess(Caller caller) {
        this.caller = caller;
    }

    /** Passes when the caller may see or act on this certification. */
    public Uni<Void> certification(String number) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        return self().chain(own -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from certification where number = :number and candidate_id = :own",
                        Long.class)
                .setParameter("number", number).setParameter("own", own).getSingleResult())))
                .invoke(n -> {
                    if (n == 0) {
                        throw ProblemException.notFound("certification", number);
                    }
                }).replaceWithVoid();
    }

    /**
     * The caller's candidate id. Until renewal-service has consumed their registration there is none: a retryable
     * 503, not a 404, because the person does exist.
     */
    public Uni<UUID> self() {
        String subject = caller.subject();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select candidate_id from candidate where subject = :subject", UUID.class)
                .setParameter("subject", subject).getSingleResultOrNull()))
                .onItem().ifNull().failWith(CandidateNotKnownYet::new);
    }
}
