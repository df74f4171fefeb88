package org.certboard.renewal.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The candidate projection's SQL. Upserts, because events of one person may arrive in any order relative to the
 * certification (and a name change may overtake a registration on redelivery): the newest name and eligibility
 * decision win by their own timestamps; every licence is kept with its type and independent-practice flag.
 */
@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<CandidateRecord, UUID> {

    /** The candidate id of the account {@code subject}; null until their registration has been consumed. */
    public Uni<UUID> idOfSubject(String subject) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select candidate_id from candidate where subject = :subject", UUID.class)
                .setParameter("subject", subject).getSingleResultOrNull());
    }

    /**
     * The public names of these people, in one statement, the ids as one array (a query language {@code in} list is
     * a parameter per id and a new translation per list length); a person whose name no event has told is missing.
     */
    public Uni<Map<UUID, String>> namesOf(Collection<UUID> candidateIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select candidate_id, given_name, family_name from candidate
                where candidate_id = any(:ids) and given_name is not null""", Object[].class)
                .setParameter("ids", candidateIds.toArray(new UUID[0])).getResultList())
                .map(rows -> {
                    Map<UUID, String> names = new HashMap<>(rows.size() * 2);
                    for (Object[] row : rows) {
                        names.put((UUID) row[0], CandidateRecord.fullName((String) row[1], (String) row[2]));
                    }
                    return names;
                });
    }

    /**
     * The names told, at most one per person, in one statement: a person's name changes only for a newer one (or an
     * equally new, told later) than the one held, and the account a registration names is set once, whichever name
     * wins.
     */
    public Uni<Void> rename(Collection<NameTold> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into candidate (candidate_id, given_name, family_name, name_changed_at, subject)
                select * from unnest(cast(:ids as uuid[]), cast(:givenNames as text[]), cast(:familyNames as text[]),
                    cast(cast(:ats as text[]) as timestamptz[]), cast(:subjects as text[]))
                on conflict (candidate_id) do update
                set given_name = case when candidate.name_changed_at is null
                        or candidate.name_changed_at <= excluded.name_changed_at
                        then excluded.given_name else candidate.given_name end,
                    family_name = case when candidate.name_changed_at is null
                        or candidate.name_changed_at <= excluded.name_changed_at
                        then excluded.family_name else candidate.family_name end,
                    name_changed_at = case when candidate.name_changed_at is null
                        or candidate.name_changed_at <= excluded.name_changed_at
                        then excluded.name_changed_at else candidate.name_changed_at end,
                    subject = coalesce(candidate.subject, excluded.subject)""")
                .setParameter("ids", names.stream().map(NameTold::candidateId).toArray(UUID[]::new))
                .setParameter("givenNames", names.stream().map(NameTold::givenName).toArray(String[]::new))
                .setParameter("familyNames", names.stream().map(NameTold::familyName).toArray(String[]::new))
                .setParameter("ats", names.stream().map(name -> name.at() == null ? null
                        : name.at().truncatedTo(ChronoUnit.MICROS).toString()).toArray(String[]::new))
                .setParameter("subjects", names.stream().map(NameTold::subject).toArray(String[]::new))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The accounts that claimed these people's profiles, in one statement; each person's is set once. */
    public Uni<Void> linkSubjects(Map<UUID, String> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(subjects.keySet());
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update candidate c set subject = t.subject
                from unnest(cast(:ids as uuid[]), cast(:subjects as text[])) as t(candidate_id, subject)
                where c.candidate_id = t.candidate_id and c.subject is null""")
                .setParameter("ids", ids.toArray(UUID[]::new))
                .setParameter("subjects", ids.stream().map(subjects::get).toArray(String[]::new))
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> recordBasis(UUID candidateId, boolean licenceBased, String licenceType, Instant decidedAt) {
        return execute("""
                insert into candidate (candidate_id, licence_based, licence_type, eligibility_decided_at)
                values (?1, ?2, ?3, ?4)
                on conflict (candidate_id) do update
                set licence_based = excluded.licence_based, licence_type = excluded.licence_type,
                    eligibility_decided_at = excluded.eligibility_decided_at
                where candidate.eligibility_decided_at is null
                   or candidate.eligibility_decided_at <= excluded.eligibility_decided_at""",
                candidateId, licenceBased, licenceType, decidedAt);
    }

    /** Kept one by one, and the latest expiry of any licence for people recorded before that (the old rule). */
    public Uni<Void> recordLicence(UUID licenceId, UUID candidateId, String type, boolean independentPractice,
            LocalDate expiresOn) {
        return execute("""
                insert into candidate (candidate_id, licence_expires_on) values (?1, ?2)
                on conflict (candidate_id) do update
                set licence_expires_on = greatest(candidate.licence_expires_on, excluded.licence_expires_on)""",
                candidateId, expiresOn)
                .chain(() -> execute("""
                        insert into candidate_licence (licence_id, candidate_id, type, independent_practice, expires_on)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (licence_id) do update set type = excluded.type,
                            independent_practice = excluded.independent_practice, expires_on = excluded.expires_on""",
                        licenceId, candidateId, type, independentPractice, expiresOn));
    }

    /**
     * The latest expiry of a licence that can carry a licence-based certification: of the type eligibility rested on
     * (any type when the decision predates {@code licenceType}) and allowing independent practice. Null when none is
     * on record. A person who recorded licences only before licences were kept one by one falls back to the latest
     * expiry of any licence, the rule of that time.
     */
    public Uni<LocalDate> qualifyingLicenceExpiresOn(CandidateRecord candidate) {
        String sql = "select max(expires_on) from candidate_licence where candidate_id = ?1 and independent_practice"
                + (candidate.licenceType == null ? "" : " and upper(type) = upper(?2)");
        return Panache.getSession().chain(session -> {
            var query = NativeSelect.of(session, sql, LocalDate.class).setParameter(1, candidate.candidateId);
            if (candidate.licenceType != null) {
                query.setParameter(2, candidate.licenceType);
            }
            return query.getSingleResultOrNull();
        }).chain(latest -> latest != null ? Uni.createFrom().item(latest)
                : Panache.getSession().chain(session -> NativeSelect.of(session,
                        "select count(*) from candidate_licence where candidate_id = ?1", Long.class)
                        .setParameter(1, candidate.candidateId).getSingleResult())
                        .map(kept -> kept == 0 ? candidate.licenceExpiresOn : null));
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
