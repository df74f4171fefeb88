package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.problem.ProblemException;
import org.certboard.renewal.candidate.CandidateRepository;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationRepository;
import org.jboss.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Issues the board's verifiable credentials and answers for their status. A credential's status bits are derived
 * from the certification at the moment they are read, so every status change (expired, lapsed, retired, renewed,
 * reactivated) shows in the lists at once without a second write that could be forgotten:
 * <ul>
 * <li>suspension: the credential was replaced (name corrected), or its certification is not ACTIVE;</li>
 * <li>revocation: staff withdrew it for good.</li>
 * </ul>
 */
@ApplicationScoped
public class CredentialService {
    private static final Logger LOG = Logger.getLogger(CredentialService.class);
    static final String NAME_CORRECTED = "replaced by a credential with the corrected name";

    private final CredentialRepository credentials;
    private final CertificationRepository certifications;
    private final CandidateRepository candidates;
    private final IssuerProfile profile;
    private final SigningKey key;
    private final CredentialVerifier verifier;
    private final BoardTime time;

    public CredentialService(CredentialRepository credentials, CertificationRepository certifications,
            CandidateRepository candidates, IssuerProfile profile, SigningKey key, CredentialVerifier verifier,
            BoardTime time) {
        this.credentials = credentials;
        this.certifications = certifications;
        this.candidates = candidates;
        this.profile = profile;
        this.key = key;
        this.verifier = verifier;
        this.time = time;
    }

    /**
     * Issues a credential for the certification's cycle {@code [validFrom, validUntil]}, in the caller's transaction
     * (the one that issues or renews the certification): its identity, status list position and what it states are
     * fixed now; it is signed when first asked for ({@link #current}), with the issue time it states.
     */
    public Uni<Credential> issue(Certification certification, LocalDate validFrom, LocalDate validUntil) {
        return candidates.byId(certification.candidateId)
                .chain(candidate -> credentials.nextStatusIndex()
                        .chain(index -> {
                            Credential credential = new Credential();
                            credential.id = UUID.randomUUID();
                            credential.certificationId = certification.id;
                            credential.statusIndex = index;
                            credential.holderName = candidate == null ? null : candidate.fullName();
                            credential.validFrom = validFrom;
                            credential.validUntil = validUntil;
                            credential.issuedAt = time.now();
                            return credentials.persist(credential);
                        }));
    }

    /**
     * The holder's name as the board knows it changed (a correction, or first told after the certification): every
     * credential still in force that states another name is replaced by one with the same validity and the new name,
     * and the replaced one is suspended. Runs in the candidate consumer's transaction, after the projection.
     */
    public Uni<Void> onNameChanged(UUID candidateId) {
        LocalDate today = time.today();
        return candidates.byId(candidateId).chain(candidate -> {
            if (candidate == null || candidate.fullName() == null) {
                return Uni.createFrom().voidItem();
            }
            String name = candidate.fullName();
            return credentials.statingAnotherName(candidateId, name, today)
                    .chain(stale -> {
                        Uni<Void> done = Uni.createFrom().voidItem();
                        for (Credential old : stale) {
                            done = done.chain(() -> certifications.byId(old.certificationId)
                                    .chain(certification -> issue(certification, old.validFrom, old.validUntil))
                                    .invoke(replacement -> {
                                        old.supersededBy = replacement.id;
                                        old.supersededReason = NAME_CORRECTED;
                                        LOG.infof("credential %s replaced by %s: the holder's name changed", old.id,
                                                replacement.id);
                                    }).replaceWithVoid());
                        }
                        return done;
                    });
        });
    }

    /**
     * The holder's credential for a certification: the one in force today, else the newest (a renewal issued ahead
     * of its cycle). Replaced and revoked credentials are never handed out. The first request signs it.
     */
    public Uni<IssuedCredential> current(String number) {
        LocalDate today = time.today();
        return Panache.withSession(() -> certifications.byNumber(number).chain(certification -> credentials
                .current(certification.id, today).chain(credential -> {
                    if (credential == null) {
                        throw ProblemException.notFound("credential of certification", number);
                    }
                    return (credential.jwt != null ? Uni.createFrom().item(credential.jwt)
                            : signed(credential.id, number))
                            .map(jwt -> new IssuedCredential(certification.candidateId, number, credential.id, jwt));
                })));
    }

    /** Signs the credential once: two first requests at the same time meet at the row lock and hand out one JWT. */
    private Uni<String> signed(UUID credentialId, String number) {
        return Panache.withTransaction(() -> credentials.lock(credentialId).chain(credential -> {
            if (credential.jwt != null) {
                return Uni.createFrom().item(credential.jwt);
            }
            CredentialContent content = new CredentialContent(credential.id, number, credential.holderName,
                    credential.validFrom, credential.validUntil, credential.statusIndex, credential.issuedAt);
            credential.jwt = JoseCodec.sign(CredentialDocument.credential(profile, content), key,
                    java.util.Date.from(content.issuedAt()));
            credential.keyId = key.keyId();
            return credentials.recordKey(key.keyId(), key.publicJwk().toJSONString(), time.now())
                    .replaceWith(credential.jwt);
        }));
    }

    /** Withdraws every credential of the certification for good; new cycles (renewals) issue new credentials. */
    public Uni<Long> revoke(String number, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "a revocation needs a reason");
        }
        return Panache.withTransaction(() -> certifications.lockByNumber(number).chain(certification -> credentials
                .revokeAll(certification.id, reason, time.now())));
    }

    /** Every key the board has signed with, and the current one: what verifiers need, current or rotated out. */
    public Uni<JWKSet> publishedKeys() {
        return Panache.withSession(credentials::publicKeys)
                .map(rows -> {
                    Map<String, JWK> keys = new java.util.LinkedHashMap<>();
                    keys.put(key.keyId(), key.publicJwk());
                    for (String row : rows) {
                        try {
                            JWK jwk = JWK.parse(row);
                            keys.putIfAbsent(jwk.getKeyID(), jwk);
                        } catch (java.text.ParseException e) {
                            LOG.errorf("unreadable public key in credential_key, not published: %s", e.getMessage());
                        }
                    }
                    return new JWKSet(new ArrayList<>(keys.values()));
                });
    }

    public Uni<Verification> verify(String presented) {
        Map<StatusPurpose, Long> indexes = CredentialVerifier.statusIndexes(presented, profile);
        return publishedKeys().chain(keys -> statusOf(indexes).map(status -> verifier.verify(presented, keys,
                (purpose, index) -> Long.valueOf(index).equals(indexes.get(purpose))
                        ? Optional.ofNullable(status.get(purpose)) : Optional.empty(),
                time.now())));
    }

    /** The reasons behind the requested bits, for those that are set. */
    private Uni<Map<StatusPurpose, String>> statusOf(Map<StatusPurpose, Long> indexes) {
        if (indexes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.withSession(() -> {
            Map<StatusPurpose, String> reasons = new HashMap<>();
            Uni<Void> done = Uni.createFrom().voidItem();
            for (Map.Entry<StatusPurpose, Long> requested : indexes.entrySet()) {
                done = done.chain(() -> credentials.reasonsAt(requested.getKey(), requested.getValue())
                        .invoke(found -> found.stream().findFirst()
                                .ifPresent(reason -> reasons.put(requested.getKey(), reason))).replaceWithVoid());
            }
            return done.replaceWith(reasons);
        });
    }

    /** The signed status list credential, computed now from the credentials and their certifications. */
    public Uni<String> statusList(StatusPurpose purpose, int list) {
        long first = (long) list * profile.statusListSize();
        return Panache.withSession(() -> credentials.setBetween(purpose, first, first + profile.statusListSize() - 1))
                .map(set -> {
                    Bitstring bits = new Bitstring(profile.statusListSize());
                    set.forEach(index -> bits.set((int) (index - first)));
                    Instant now = time.now();
                    return JoseCodec.sign(CredentialDocument.statusList(profile, purpose, list, bits.encode(),
                            OffsetDateTime.ofInstant(now, profile.zone())), key, java.util.Date.from(now));
                });
    }
}
