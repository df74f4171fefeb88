package org.certboard.exam.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.exam.access.CandidateAccounts;
import org.certboard.platform.inbox.EventConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps this service's own view of who may book until when, from EligibilityDecided events, so that booking never
 * calls candidate-service. A redelivery is dropped by {@link EventConsumer}; a decision older than the one held
 * (events of one candidate can arrive out of order after a replay) is ignored by the upsert's condition.
 */
@ApplicationScoped
public class AuthorisationProjection {
    private final EventConsumer consumer;
    private final CandidateAccounts accounts;

    public AuthorisationProjection(EventConsumer consumer, CandidateAccounts accounts) {
        this.consumer = consumer;
        this.accounts = accounts;
    }

    @Incoming("candidate-events")
    @ActivateRequestContext
    public Uni<Void> onCandidateEvent(Message<String> message) {
        return consumer.consume(message, event -> switch (event.type()) {
            case ELIGIBILITY_DECIDED -> apply(event.data(EligibilityDecided.class));
            case CANDIDATE_REGISTERED -> accounts.onRegistered(event.data(CandidateRegistered.class));
            default -> Uni.createFrom().voidItem();
        });
    }

    /** Runs inside the consumer's transaction. */
    Uni<Void> apply(EligibilityDecided decision) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into authorisation (candidate_id, application_id, status, authorised_until, decided_at)
                values (:candidate, :application, :status, :until, :decidedAt)
                on conflict (candidate_id) do update set application_id = excluded.application_id,
                    status = excluded.status, authorised_until = excluded.authorised_until,
                    decided_at = excluded.decided_at
                where authorisation.decided_at < excluded.decided_at""")
                .setParameter("candidate", decision.candidateId())
                .setParameter("application", decision.applicationId())
                .setParameter("status", decision.status())
                .setParameter("until", AuthorisationRule.APPROVED.equals(decision.status())
                        ? decision.authorisedUntil() : null)
                .setParameter("decidedAt", decision.decidedAt())
                .executeUpdate())
                .replaceWithVoid();
    }
}
