package org.certboard.exam.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;

import io.smallrye.mutiny.Uni;

/**
 * Which account each candidate is, from candidate-service's events: the only personal fact exam-service keeps, and
 * only to answer "is this the caller's own booking". Paper applicants (no account) and people registered before
 * accounts existed (v1 events) have none, and staff act for them, until the person's account claims the profile.
 */
@ApplicationScoped
public class CandidateAccounts {
    private final CandidateAccountRepository accounts;

    public CandidateAccounts(CandidateAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Runs inside the consumer's transaction; a redelivery changes nothing. */
    public Uni<Void> onRegistered(CandidateRegistered event) {
        if (event.subject() == null) {
            return Uni.createFrom().voidItem();
        }
        return accounts.bind(event.candidateId(), event.subject());
    }

    /** A paper applicant's profile claimed by the person's account: bound from now on, as if registered by it. */
    public Uni<Void> onClaimed(CandidateClaimed event) {
        return accounts.bind(event.candidateId(), event.subject());
    }
}
