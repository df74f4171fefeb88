package org.certboard.exam.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.inbox.IncomingEvent;

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

    /**
     * The accounts a poll's registrations and claims (a paper applicant's profile claimed by the person's account)
     * name, in one statement inside the consumer's transaction; each candidate is bound once, so a redelivery changes
     * nothing.
     */
    public Uni<Void> apply(List<IncomingEvent> events) {
        Map<UUID, String> subjects = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (event.data() instanceof CandidateRegistered registered && registered.subject() != null) {
                subjects.putIfAbsent(registered.candidateId(), registered.subject());
            } else if (event.data() instanceof CandidateClaimed claimed) {
                subjects.putIfAbsent(claimed.candidateId(), claimed.subject());
            }
        }
        return accounts.bind(subjects);
    }
}
