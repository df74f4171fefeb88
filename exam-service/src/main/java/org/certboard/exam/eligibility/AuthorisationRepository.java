package org.certboard.exam.eligibility;

import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The {@code authorisation} table. Every method runs in the caller's session. */
@ApplicationScoped
public class AuthorisationRepository implements PanacheRepositoryBase<Authorisation, UUID> {

    /**
     * Serialises everything that decides or changes a candidate's attempts (booking, rescheduling, recording a
     * result or a no-show): each takes its candidates' authorisation rows for update first, in candidate order so
     * that bulk imports cannot deadlock one another, before it reads earlier results or touches a booking. Without
     * it a booking could read the results just before a fail commits and book a retake in the failed window.
     * Needs the caller's transaction.
     */
    public Uni<Void> lockCandidates(Collection<UUID> candidateIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select candidate_id from authorisation where candidate_id = any(:ids) order by candidate_id
                for update""", UUID.class)
                .setParameter("ids", candidateIds.toArray(new UUID[0])).getResultList()).replaceWithVoid();
    }

    /** Keeps the newer decision: one older than the one held (out of order after a replay) changes nothing. */
    public Uni<Void> apply(EligibilityDecided decision) {
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
