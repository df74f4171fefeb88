package org.certboard.exam.eligibility;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The {@code authorisation} table. Every method runs in the caller's session. */
@ApplicationScoped
public class AuthorisationRepository implements PanacheRepositoryBase<Authorisation, Authorisation.Key> {

    /**
     * Locks the candidates of these bookings (unknown ids have none), found by the same statement: a booking's
     * candidate never changes.
     * <p>
     * Serialises everything that decides or changes a candidate's attempts (booking, rescheduling, recording a
     * result or a no-show): each takes its candidates' authorisation rows for update first, in candidate order so
     * that bulk imports cannot deadlock one another, before it reads earlier results or touches a booking. Without
     * it a booking could read the results just before a fail commits and book a retake in the failed window. All
     * of a candidate's programs are locked together: one lock order whatever the programs involved. Needs the
     * caller's transaction.
     */
    public Uni<Void> lockCandidatesOf(Collection<UUID> bookingIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select candidate_id from authorisation
                where candidate_id in (select candidate_id from booking where id = any(:ids))
                order by candidate_id, program for update""", UUID.class)
                .setParameter("ids", bookingIds.toArray(new UUID[0])).getResultList()).replaceWithVoid();
    }

    /**
     * Locks one candidate as {@link #lockCandidatesOf} does and answers the authorisations it locked, one per
     * program, as they stand once locked: the look-up of the one a booking needs costs no statement of its own.
     */
    public Uni<List<Authorisation>> lockCandidate(UUID candidateId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select candidate_id, program, application_id, status, authorised_until, decided_at
                from authorisation where candidate_id = :candidate order by program for update""",
                Authorisation.class)
                .setParameter("candidate", candidateId).getResultList());
    }

    /** The candidate's authorisation in a program, or null when no decision is held. */
    public Uni<Authorisation> of(UUID candidateId, String program) {
        return findById(new Authorisation.Key(candidateId, program));
    }

    /**
     * Keeps the newer decision of the event's program: one older than the one held (out of order after a replay)
     * changes nothing.
     */
    public Uni<Void> apply(EligibilityDecided decision) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into authorisation (candidate_id, program, application_id, status, authorised_until,
                    decided_at)
                values (:candidate, :program, :application, :status, :until, :decidedAt)
                on conflict (candidate_id, program) do update set application_id = excluded.application_id,
                    status = excluded.status, authorised_until = excluded.authorised_until,
                    decided_at = excluded.decided_at
                where authorisation.decided_at < excluded.decided_at""")
                .setParameter("candidate", decision.candidateId())
                .setParameter("program", decision.program())
                .setParameter("application", decision.applicationId())
                .setParameter("status", decision.status())
                .setParameter("until", AuthorisationRule.APPROVED.equals(decision.status())
                        ? decision.authorisedUntil() : null)
                .setParameter("decidedAt", decision.decidedAt())
                .executeUpdate())
                .replaceWithVoid();
    }
}
