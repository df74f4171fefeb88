package org.certboard.renewal.certification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.domain.Refusal;
import org.certboard.platform.problem.CandidateNotKnownYet;
import org.certboard.platform.security.Caller;
import org.certboard.renewal.candidate.CandidateRepository;

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
    private final CertificationRepository certifications;
    private final CandidateRepository candidates;

    public RenewalAccess(Caller caller, CertificationRepository certifications, CandidateRepository candidates) {
        this.caller = caller;
        this.certifications = certifications;
        this.candidates = candidates;
    }

    /** Passes when the caller may see or act on this certification. */
    public Uni<Void> certification(String number) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        return self().chain(own -> Panache.withSession(() -> certifications.isHeldBy(number, own)))
                .invoke(held -> {
                    if (!held) {
                        throw Refusal.notFound("certification", number);
                    }
                }).replaceWithVoid();
    }

    /**
     * The caller's candidate id. Until renewal-service has consumed their registration there is none: a retryable
     * 503, not a 404, because the person does exist.
     */
    public Uni<UUID> self() {
        String subject = caller.subject();
        return Panache.withSession(() -> candidates.idOfSubject(subject))
                .onItem().ifNull().failWith(CandidateNotKnownYet::new);
    }
}
