package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.candidate.persistence.Rows;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.events.Actor;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The candidate table's queries. Every method needs the caller's session (or transaction), but for those given a
 * {@link SqlClient}: reads that need no session, answering views.
 */
@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    /** The candidate, or a 404 problem. */
    public Uni<Candidate> require(UUID id) {
        return findById(id).onItem().ifNull()
                .failWith(() -> Refusal.notFound("candidate", id));
    }

    /**
     * A new candidate's insert, at version 0 as a session would write it, for a registration that writes it and its
     * event as one statement ({@link Outbox#writeWith}).
     */
    public static Outbox.Change insert(Candidate candidate) {
        return new Outbox.Change("insert into candidate (id, given_name, family_name, email, date_of_birth,"
                + " registered_at, updated_at, subject, registered_by_subject, registered_by_role, email_verified,"
                + " claimed_at, name_fixed_since, version)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0)", Tuple.tuple()
                .addValue(candidate.id).addValue(candidate.givenName).addValue(candidate.familyName)
                .addValue(candidate.email).addValue(candidate.dateOfBirth)
                .addValue(Rows.offset(candidate.registeredAt)).addValue(Rows.offset(candidate.updatedAt))
                .addValue(candidate.subject).addValue(candidate.registeredBySubject)
                .addValue(candidate.registeredByRole).addValue(candidate.emailVerified)
                .addValue(Rows.offset(candidate.claimedAt)).addValue(Rows.offset(candidate.nameFixedSince)));
    }

    /** The candidate as the file shows it, with its version, or a 404 problem; through the SQL client. */
    public Uni<Versioned<CandidateView>> view(SqlClient sql, UUID id) {
        return sql.preparedQuery("select id, given_name, family_name, email, date_of_birth, registered_at, updated_at,"
                + " registered_by_subject, registered_by_role, email_verified, claimed_at, name_fixed_since, version"
                + " from candidate where id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        throw Refusal.notFound("candidate", id);
                    }
                    Row row = found.next();
                    String registeredBy = row.getString("registered_by_subject");
                    return new Versioned<>(new CandidateView(row.getUUID("id"), row.getString("given_name"),
                            row.getString("family_name"), row.getString("email"), row.getLocalDate("date_of_birth"),
                            Rows.instant(row, "registered_at"), Rows.instant(row, "updated_at"),
                            registeredBy == null ? null : new Actor(registeredBy, row.getString("registered_by_role")),
                            row.getBoolean("email_verified"), Rows.instant(row, "claimed_at"),
                            Rows.instant(row, "name_fixed_since")), row.getLong("version"));
                });
    }

    /**
     * The candidate, locked until the transaction ends: serialises the decisions taken on one candidate's file (an
     * application must not be decided while a concurrent submission of the same candidate is being decided).
     */
    public Uni<Candidate> requireLocked(UUID id) {
        return lock(id).onItem().ifNull().failWith(() -> Refusal.notFound("candidate", id));
    }

    /** Locks the candidate like {@link #requireLocked}; null when there is none. */
    public Uni<Candidate> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** What a letter needs of its reader: the name to greet and whether the board vouches for the address. */
    public record Addressee(UUID id, String givenName, String familyName, String email, boolean emailVerified,
            String subject) {
    }

    /**
     * The addressees of these ids (those that exist), in one statement of the caller's session. The ids travel as one
     * array: a query language {@code in} list is a parameter per id and a new translation per list length, which took
     * 8 % of candidate-service's CPU while it consumed the events of POST /results (docs/benchmarks.md).
     */
    public Uni<List<Addressee>> addressees(List<UUID> ids) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select id, given_name, family_name, email, email_verified, subject from candidate
                where id = any(:ids)""", Object[].class)
                .setParameter("ids", ids.toArray(new UUID[0])).getResultList())
                .map(rows -> rows.stream().map(row -> new Addressee((UUID) row[0], (String) row[1],
                        (String) row[2], (String) row[3], (Boolean) row[4], (String) row[5])).toList());
    }

    /** Whether the candidate exists and is bound to {@code subject}. */
    public Uni<Boolean> isBoundTo(UUID id, String subject) {
        return count("id = ?1 and subject = ?2", id, subject).map(n -> n > 0);
    }

    /** The candidate if it is bound to {@code subject}; null otherwise (or when there is none). */
    public Uni<Candidate> boundTo(UUID id, String subject) {
        return find("id = ?1 and subject = ?2", id, subject).firstResult();
    }

    /** The profile bound to {@code subject}, null when none is. */
    public Uni<Candidate> ofSubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /** The paper applicant's profile (no account) with this address in any letter case, locked; null when none. */
    public Uni<Candidate> lockUnboundByEmail(String email) {
        return find("subject is null and lower(email) = lower(?1)", email)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Whether a profile other than {@code except} holds this address as one the board vouches for: verified for its
     * account, or given by staff for a paper applicant (the rows the unique index {@code candidate_email} covers).
     */
    public Uni<Boolean> addressVouchedForElsewhere(String email, UUID except) {
        return count("lower(email) = lower(?1) and id <> ?2 and (emailVerified = true or subject is null)",
                email, except).map(n -> n > 0);
    }

    /**
     * Records that the board relies on the candidate's legal name from {@code at} on (kept if already set). A bulk
     * update: it is no contact change, so the candidate's ETag stays.
     */
    public Uni<Void> fixName(UUID id, Instant at) {
        return update("nameFixedSince = ?1 where id = ?2 and (nameFixedSince is null or nameFixedSince > ?1)",
                at, id).replaceWithVoid();
    }

    /** {@link #fixName} for many candidates, each from its own time, in one statement with the same rule. */
    public Uni<Void> fixNames(Map<UUID, Instant> since) {
        if (since.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(since.keySet());
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update candidate c set name_fixed_since = t.at
                from unnest(cast(:ids as uuid[]), cast(cast(:ats as text[]) as timestamptz[])) as t(id, at)
                where c.id = t.id and (c.name_fixed_since is null or c.name_fixed_since > t.at)""")
                .setParameter("ids", ids.toArray(UUID[]::new))
                .setParameter("ats", ids.stream().map(id -> since.get(id).truncatedTo(ChronoUnit.MICROS).toString())
                        .toArray(String[]::new))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Whether another candidate than {@code except} has this email, in any letter case. */
    public Uni<Boolean> emailTaken(String email, UUID except) {
        return count("lower(email) = lower(?1) and id <> ?2", email, except).map(n -> n > 0);
    }

    /**
     * Email matches exactly (ignoring case); name matches part of the given, family or full name. Ordered by family
     * name, given name, id, so pages are stable.
     */
    public <T> Uni<Page<T>> search(String email, String name, PageRequest paging,
            Function<Candidate, T> view) {
        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        if (email != null && !email.isBlank()) {
            where.add("lower(email) = :email");
            values.put("email", email.trim().toLowerCase(Locale.ROOT));
        }
        if (name != null && !name.isBlank()) {
            where.add("(lower(givenName) like :name escape '\\' or lower(familyName) like :name escape '\\'"
                    + " or lower(concat(givenName, ' ', familyName)) like :name escape '\\')");
            values.put("name", "%" + name.trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        Parameters parameters = new Parameters();
        values.forEach(parameters::and);
        Sort order = Sort.by("familyName").and("givenName").and("id");
        return paging.fetch(find(query, order, parameters), view);
    }
}
