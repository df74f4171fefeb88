package org.certboard.renewal.candidate;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the local view of candidates. Upserts, because events of one person may arrive in any order relative to the
 * certification (and a name change may overtake a registration on redelivery): the newest name and eligibility
 * decision win by their own timestamps; every licence is kept with its type and independent-practice flag.
 */
@ApplicationScoped
public class CandidateProjection {
    private static final String ELIGIBILITY_APPROVED = "APPROVED";
    private static final String LICENCE_PATHWAY_PREFIX = "LICENCE";

    /** The name, and the account a candidate's token is checked against; v1 events (before accounts) have none. */
    public Uni<Void> onRegistered(CandidateRegistered event) {
        return rename(event.candidateId(), event.givenName(), event.familyName(), event.registeredAt())
                .call(() -> event.subject() == null ? Uni.createFrom().voidItem()
                        : execute("update candidate set subject = ?2 where candidate_id = ?1 and subject is null",
                                event.candidateId(), event.subject()));
    }

    public Uni<Void> onRegistered(CandidateRegisteredV1 event) {
        return rename(event.candidateId(), event.givenName(), event.familyName(), event.registeredAt());
    }

    public Uni<Void> onUpdated(CandidateUpdated event) {
        return rename(event.candidateId(), event.givenName(), event.familyName(), event.updatedAt());
    }

    public Uni<Void> onUpdated(CandidateUpdatedV1 event) {
        return rename(event.candidateId(), event.givenName(), event.familyName(), event.updatedAt());
    }

    /**
     * Only an approval sets the basis the certification rests on (licence-based or not, and of which licence type);
     * later reviews or denials do not change it.
     */
    public Uni<Void> onEligibilityDecided(EligibilityDecided event) {
        if (!ELIGIBILITY_APPROVED.equals(event.status())) {
            return Uni.createFrom().voidItem();
        }
        return execute("""
                insert into candidate (candidate_id, licence_based, licence_type, eligibility_decided_at)
                values (?1, ?2, ?3, ?4)
                on conflict (candidate_id) do update
                set licence_based = excluded.licence_based, licence_type = excluded.licence_type,
                    eligibility_decided_at = excluded.eligibility_decided_at
                where candidate.eligibility_decided_at is null
                   or candidate.eligibility_decided_at <= excluded.eligibility_decided_at""",
                event.candidateId(), event.pathway() != null && event.pathway().startsWith(LICENCE_PATHWAY_PREFIX),
                event.licenceType(), event.decidedAt());
    }

    /** Every licence is kept: which one counts depends on the basis, which may arrive before or after it. */
    public Uni<Void> onLicenceRecorded(LicenceRecorded event) {
        return execute("""
                insert into candidate (candidate_id, licence_expires_on) values (?1, ?2)
                on conflict (candidate_id) do update
                set licence_expires_on = greatest(candidate.licence_expires_on, excluded.licence_expires_on)""",
                event.candidateId(), event.expiresOn())
                .chain(() -> execute("""
                        insert into candidate_licence (licence_id, candidate_id, type, independent_practice, expires_on)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (licence_id) do update set type = excluded.type,
                            independent_practice = excluded.independent_practice, expires_on = excluded.expires_on""",
                        event.licenceId(), event.candidateId(), event.type(), event.independentPractice(),
                        event.expiresOn()));
    }

    private Uni<Void> rename(java.util.UUID candidateId, String givenName, String familyName, java.time.Instant at) {
        return execute("""
                insert into candidate (candidate_id, given_name, family_name, name_changed_at) values (?1, ?2, ?3, ?4)
                on conflict (candidate_id) do update
                set given_name = excluded.given_name, family_name = excluded.family_name,
                    name_changed_at = excluded.name_changed_at
                where candidate.name_changed_at is null or candidate.name_changed_at <= excluded.name_changed_at""",
                candidateId, givenName, familyName, at);
    }

    private static Uni<Void> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
