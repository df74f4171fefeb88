package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.sql.NativeSelect;
import org.certboard.renewal.certification.CertificationStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The credentials' SQL, and the signing keys'. A credential's status is a query over the credential and its
 * certification ({@link CredentialStatus}), so every status change of the certification shows in the lists at once.
 */
@ApplicationScoped
public class CredentialRepository implements PanacheRepositoryBase<Credential, UUID> {
    /** Per credential: position, revocation category, suspension reason, superseding credential and why. */
    private static final String STANDING = """
            select c.status_index, c.revoked_category,
                   case when c.superseded_by is null and k.status <> 'ACTIVE'
                        then 'certification ' || k.number || ' is ' || k.status end,
                   c.superseded_by, c.superseded_reason
            from credential c join certification k on k.id = c.certification_id""";

    /** The next position in the status lists; never handed out twice. */
    public Uni<Long> nextStatusIndex() {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select nextval('credential_status_index_seq')", Long.class).getSingleResult());
    }

    /** {@code n} positions in the status lists, in one statement; never handed out twice. */
    public Uni<List<Long>> nextStatusIndexes(int n) {
        return Panache.getSession()
                .chain(session -> NativeSelect.nextValues(session, "credential_status_index_seq", n).getResultList());
    }

    /**
     * Inserts new credentials ({@link Credential#issue}) in one statement whatever their number: the columns travel as
     * arrays and unnest() turns them back into rows (the issue times as text, which PostgreSQL reads without a zone
     * question). They do not join the session. What is set later (signature, superseding, revocation) stays empty.
     */
    public Uni<Void> insertIssued(List<Credential> issued) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into credential (id, certification_id, status_index, holder_name, valid_from, valid_until,
                    issued_at)
                select id, certification_id, status_index, holder_name, valid_from, valid_until,
                    cast(issued_at as timestamptz)
                from unnest(cast(:ids as uuid[]), cast(:certifications as uuid[]), cast(:indexes as bigint[]),
                    cast(:names as text[]), cast(:validFrom as date[]), cast(:validUntil as date[]),
                    cast(:issuedAt as text[]))
                    as t(id, certification_id, status_index, holder_name, valid_from, valid_until, issued_at)""")
                .setParameter("ids", issued.stream().map(c -> c.id).toArray(UUID[]::new))
                .setParameter("certifications", issued.stream().map(c -> c.certificationId).toArray(UUID[]::new))
                .setParameter("indexes", issued.stream().map(c -> c.statusIndex).toArray(Long[]::new))
                .setParameter("names", issued.stream().map(c -> c.holderName).toArray(String[]::new))
                .setParameter("validFrom", issued.stream().map(c -> c.validFrom).toArray(LocalDate[]::new))
                .setParameter("validUntil", issued.stream().map(c -> c.validUntil).toArray(LocalDate[]::new))
                .setParameter("issuedAt", issued.stream().map(c -> c.issuedAt.toString()).toArray(String[]::new))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The certification's credentials in force: not superseded, not revoked (one, but for data from before 1.3). */
    public Uni<List<Credential>> inForce(UUID certificationId) {
        return find("certificationId = ?1 and supersededBy is null and revokedAt is null "
                + "order by issuedAt", certificationId).list();
    }

    /**
     * The person's credentials in force that do not state {@code name}, on certifications not LAPSED, whose period
     * has not ended by {@code today}, oldest first.
     */
    public Uni<List<Credential>> statingAnotherName(UUID candidateId, String name, LocalDate today) {
        // The person's certifications first, then their credentials, each by its index: as one query, a generic plan
        // on stale statistics scanned every credential per event (after a bulk import, 0.5 s each).
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select k.id from Certification k where k.candidateId = ?1 and k.status <> ?2", UUID.class)
                .setParameter(1, candidateId).setParameter(2, CertificationStatus.LAPSED).getResultList())
                .chain(certifications -> certifications.isEmpty() ? Uni.createFrom().item(List.<Credential>of())
                        : find("""
                                from Credential c where c.certificationId in ?1 and c.supersededBy is null
                                and c.revokedAt is null and c.validUntil >= ?2
                                and (c.holderName is null or c.holderName <> ?3)
                                order by c.validFrom""", certifications, today, name).list());
    }

    /** A page of the certification's credentials, the newest first. */
    public Uni<Page<CredentialRecord>> history(UUID certificationId, PageRequest paging) {
        return paging.fetch(find("certificationId = ?1 order by issuedAt desc, validFrom desc",
                certificationId), CredentialRecord::of);
    }

    /** The certification's newest credential that is neither superseded nor revoked; null when there is none. */
    public Uni<Credential> current(UUID certificationId) {
        return find("certificationId = ?1 and supersededBy is null and revokedAt is null "
                + "order by issuedAt desc, validFrom desc", certificationId).firstResult();
    }

    /** For signing: read again under a row lock held until commit, so a concurrent signature is seen. */
    public Uni<Credential> lock(UUID id) {
        return Panache.getSession().chain(session -> session.find(Credential.class, id)
                .call(credential -> session.refresh(credential, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** Revokes every credential of the certification not yet revoked; the number revoked. */
    public Uni<Long> revokeAll(UUID certificationId, RevocationCategory category, String note, Instant at) {
        return update("revokedAt = ?1, revokedCategory = ?2, revokedReason = ?3 "
                + "where certificationId = ?4 and revokedAt is null", at, category, note, certificationId)
                .map(Integer::longValue);
    }

    /** The public part of every key the board has signed with, as JWK JSON, oldest first. */
    public Uni<List<String>> publicKeys() {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select public_jwk from credential_key order by first_used_at", String.class).getResultList());
    }

    /**
     * Records a key's public part when it first signs a credential or a status list, so verifiers keep finding it
     * after a rotation.
     */
    public Uni<Void> recordKey(String keyId, String publicJwk, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into credential_key (kid, public_jwk, first_used_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, keyId).setParameter(2, publicJwk).setParameter(3, at).executeUpdate())
                .replaceWithVoid();
    }

    /** The standing of the credential at status position {@code index}; unknown positions stand good. */
    public Uni<CredentialVerifier.Standing> standingAt(long index) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, STANDING + " where c.status_index = ?1",
                Object[].class).setParameter(1, index).getResultList())
                .map(rows -> rows.isEmpty() ? CredentialVerifier.Standing.UNKNOWN : standing(rows.get(0)));
    }

    /** The positions in {@code [first, last]} whose status is not good, with their status. */
    public Uni<Map<Long, CredentialStatus>> notGoodBetween(long first, long last) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, STANDING
                + " where c.status_index between ?1 and ?2"
                + " and (c.revoked_at is not null or (c.superseded_by is null and k.status <> 'ACTIVE'))",
                Object[].class).setParameter(1, first).setParameter(2, last).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> ((Number) row[0]).longValue(),
                        row -> standing(row).status(), (a, b) -> a)));
    }

    private static CredentialVerifier.Standing standing(Object[] row) {
        RevocationCategory revoked = row[1] == null ? null : RevocationCategory.valueOf((String) row[1]);
        return new CredentialVerifier.Standing(new CredentialStatus(revoked, (String) row[2]),
                row[3] == null ? null : "urn:uuid:" + row[3], (String) row[4]);
    }
}
