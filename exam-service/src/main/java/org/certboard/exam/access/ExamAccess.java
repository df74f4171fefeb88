package org.certboard.exam.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.domain.Refusal;
import org.certboard.platform.problem.CandidateNotKnownYet;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place exam-service decides whose records a caller may touch. Staff reach everything; the vendor reaches
 * bookings (it records their results); a candidate reaches only their own, and another person's answer 404 as if they
 * did not exist.
 */
@ApplicationScoped
public class ExamAccess {
    private final Caller caller;
    private final CandidateAccountRepository accounts;
    private final BookingOwners owners;

    public ExamAccess(Caller caller, CandidateAccountRepository accounts, BookingOwners owners) {
        this.caller = caller;
        this.accounts = accounts;
        this.owners = owners;
    }

    /** Passes when the caller may act for this candidate (book for them, read their bookings and attempts). */
    public Uni<Void> candidate(UUID candidateId) {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        return self().invoke(own -> {
            if (!own.equals(candidateId)) {
                throw Refusal.notFound("candidate", candidateId);
            }
        }).replaceWithVoid();
    }

    /** Passes when the caller may see or change this booking. */
    public Uni<Void> booking(UUID bookingId) {
        if (caller.isStaff() || caller.is(Roles.VENDOR)) {
            return Uni.createFrom().voidItem();
        }
        return self().chain(own -> Panache.withSession(() -> owners.holds(own, bookingId)))
                .invoke(held -> {
                    if (!held) {
                        throw Refusal.notFound("booking", bookingId);
                    }
                }).replaceWithVoid();
    }

    /**
     * The caller's candidate id. Until exam-service has consumed their registration (moments after it) there is none:
     * a retryable 503, not a 404, because the person does exist.
     */
    public Uni<UUID> self() {
        String subject = caller.subject();
        return Panache.withSession(() -> accounts.candidateOf(subject))
                .onItem().ifNull().failWith(CandidateNotKnownYet::new);
    }
}
