package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.platform.sql.NativeSelect;
import org.certboard.renewal.certification.CertificationStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The credentials' SQL, and the signing keys'. Status bits are queries over the credential and its certification, so
 * every status change of the certification shows in the lists at once.
 */
@ApplicationScoped
public class CredentialRepository {
    private static final String SUSPENDED_REASON = """
            case when c.superseded_by is not null then c.superseded_reason
                 when k.status <> 'ACTIVE' then 'certification ' || k.number || ' is ' || k.status end""";

    /** The next position in the status lists; never handed out twice. */
    public Uni<Long> nextStatusIndex() {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select nextval('credential_status_index_seq')", Long.class).getSingleResult());
    }

    public Uni<Credential> persist(Credential credential) {
        return credential.persist();
    }

    /**
     * The person's credentials still in force on {@code today} (not replaced, not revoked, certification not LAPSED)
     * that do not state {@code name}, oldest first.
     */
    public Uni<List<Credential>> statingAnotherName(UUID candidateId, String name, LocalDate today) {
        return Credential.<Credential>find("""
                from Credential c where c.supersededBy is null and c.revokedAt is null and c.validUntil >= ?1
                and (c.holderName is null or c.holderName <> ?2)
                and c.certificationId in (select k.id from Certification k where k.candidateId = ?3
                                          and k.status <> ?4)
                order by c.validFrom""", today, name, candidateId, CertificationStatus.LAPSED).list();
    }

    /** The certification's credential in force on {@code today}, else its newest; replaced and revoked ones never. */
    public Uni<Credential> current(UUID certificationId, LocalDate today) {
        return Credential.<Credential>find("certificationId = ?1 and supersededBy is null and revokedAt is null "
                + "order by case when validFrom <= ?2 and validUntil >= ?2 then 0 else 1 end, validFrom desc",
                certificationId, today).firstResult();
    }

    /** For signing: read again under a row lock held until commit, so a concurrent signature is seen. */
    public Uni<Credential> lock(UUID id) {
        return Panache.getSession().chain(session -> session.find(Credential.class, id)
                .call(credential -> session.refresh(credential, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** Revokes every credential of the certification not yet revoked; the number revoked. */
    public Uni<Long> revokeAll(UUID certificationId, String reason, Instant at) {
        return Credential.update("revokedAt = ?1, revokedReason = ?2 where certificationId = ?3 and revokedAt is null",
                at, reason, certificationId).map(Integer::longValue);
    }

    /** The public part of every key the board has signed with, as JWK JSON, oldest first. */
    public Uni<List<String>> publicKeys() {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select public_jwk from credential_key order by first_used_at", String.class).getResultList());
    }

    /** Records a key's public part when it first signs, so verifiers keep finding it after a rotation. */
    public Uni<Void> recordKey(String keyId, String publicJwk, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into credential_key (kid, public_jwk, first_used_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, keyId).setParameter(2, publicJwk).setParameter(3, at).executeUpdate())
                .replaceWithVoid();
    }

    /** Why the {@code purpose} bit at {@code index} is set; empty when it is not. */
    public Uni<List<String>> reasonsAt(StatusPurpose purpose, long index) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, "select s.reason from ("
                + reasonQuery(purpose) + ") s where s.status_index = ?1", String.class).setParameter(1, index)
                .getResultList());
    }

    /** The positions in {@code [first, last]} whose {@code purpose} bit is set. */
    public Uni<List<Long>> setBetween(StatusPurpose purpose, long first, long last) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select s.status_index from (" + reasonQuery(purpose) + ") s where s.status_index between ?1 and ?2",
                Long.class).setParameter(1, first).setParameter(2, last).getResultList());
    }

    /** Rows {@code (reason, status_index)} of the credentials whose {@code purpose} bit is set. */
    private static String reasonQuery(StatusPurpose purpose) {
        return switch (purpose) {
            case REVOCATION -> "select c.revoked_reason as reason, c.status_index from credential c"
                    + " where c.revoked_at is not null";
            case SUSPENSION -> "select " + SUSPENDED_REASON + " as reason, c.status_index from credential c"
                    + " join certification k on k.id = c.certification_id"
                    + " where (c.superseded_by is not null or k.status <> 'ACTIVE')";
        };
    }
}
