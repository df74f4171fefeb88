package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.program.ProgramRules;
import org.certboard.renewal.candidate.CandidateRepository;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationRepository;
import org.jboss.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Issues the board's verifiable credentials and answers for their status. One credential speaks for a certification
 * at a time: a renewal, a reactivation or an accepted name change issues a new one that supersedes it, and the holder's
 * download always returns the newest. Status is derived from the credential and its certification when read
 * ({@link CredentialStatus}), so every status change (expired, lapsed, retired, renewed, reactivated) shows in the
 * lists at once without a second write that could be forgotten.
 */
@ApplicationScoped
public class CredentialService {
    private static final Logger LOG = Logger.getLogger(CredentialService.class);
    static final String NAME_CHANGED = "the holder's legal name changed";
    /** The certification was issued before the holder's registration reached this service. */
    static final String NAME_RECORDED = "the holder's name was recorded";

    private final CredentialRepository credentials;
    private final CertificationRepository certifications;
    private final CandidateRepository candidates;
    private final IssuerProfile profile;
    private final ProgramRules<Achievement> achievements;
    private final SigningKey key;
    private final CredentialVerifier verifier;
    private final BoardTime time;
    private final AtomicBoolean keyRecorded = new AtomicBoolean();

    public CredentialService(CredentialRepository credentials, CertificationRepository certifications,
            CandidateRepository candidates, IssuerProfile profile, ProgramRules<Achievement> achievements, SigningKey key,
            CredentialVerifier verifier, BoardTime time) {
        this.credentials = credentials;
        this.certifications = certifications;
        this.candidates = candidates;
        this.profile = profile;
        this.achievements = achievements;
        this.key = key;
        this.verifier = verifier;
        this.time = time;
    }

    /**
     * The first credentials of new certifications, one each for its cycle, in the caller's transaction (the one that
     * issues them) and in three statements whatever their number: the holders' names, the status positions and the
     * credentials. What each states is fixed now; it is signed when first asked for ({@link #current}), with the issue
     * time it states.
     */
    public Uni<Void> issueFirst(List<Certification> issued) {
        if (issued.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = time.now();
        return candidates.namesOf(issued.stream().map(c -> c.candidateId).collect(Collectors.toSet()))
                .chain(names -> credentials.nextStatusIndexes(issued.size()).chain(indexes -> {
                    List<Credential> first = new ArrayList<>(issued.size());
                    for (int i = 0; i < issued.size(); i++) {
                        Certification certification = issued.get(i);
                        first.add(Credential.issue(certification.id, indexes.get(i),
                                names.get(certification.candidateId), certification.cycleStartedOn,
                                certification.expiresOn, now));
                    }
                    return credentials.insertIssued(first);
                }));
    }

    /**
     * The certification was renewed or reactivated (in the caller's transaction, after the certification changed):
     * a credential valid from today to the new expiry supersedes the one in force. A late renewal restores the
     * certification without a gap, so its credential is valid from the start of the new cycle, which lies before today.
     */
    public Uni<Void> renewed(Certification certification, LocalDate cycleStartedOn, String reason) {
        LocalDate today = time.today();
        LocalDate validFrom = cycleStartedOn.isBefore(today) ? cycleStartedOn : today;
        return credentials.inForce(certification.id).chain(inForce -> issue(certification, validFrom,
                certification.expiresOn).invoke(replacement -> inForce.forEach(old -> old.supersede(replacement,
                        reason)))).replaceWithVoid();
    }

    private Uni<Credential> issue(Certification certification, LocalDate validFrom, LocalDate validUntil) {
        return candidates.findById(certification.candidateId)
                .chain(candidate -> credentials.nextStatusIndex()
                        .chain(index -> credentials.persist(Credential.issue(certification.id, index,
                                candidate == null ? null : candidate.fullName(), validFrom, validUntil, time.now()))));
    }

    /**
     * These people's legal names as the board knows them changed (accepted by staff, or first told after the
     * certification): every credential in force that states another name is superseded by one with the same validity
     * and the new name. Runs in the candidate consumer's transaction, after the projection; one statement when none
     * of them holds a certification (a poll of registrations).
     */
    public Uni<Void> onNamesChanged(Collection<UUID> candidateIds) {
        if (candidateIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return certifications.holdersAmong(candidateIds).chain(holders -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (UUID holder : holders) {
                done = done.chain(() -> onNameChanged(holder));
            }
            return done;
        });
    }

    private Uni<Void> onNameChanged(UUID candidateId) {
        LocalDate today = time.today();
        return candidates.findById(candidateId).chain(candidate -> {
            if (candidate == null || candidate.fullName() == null) {
                return Uni.createFrom().voidItem();
            }
            String name = candidate.fullName();
            return credentials.statingAnotherName(candidateId, name, today)
                    .chain(stale -> {
                        Uni<Void> done = Uni.createFrom().voidItem();
                        for (Credential old : stale) {
                            done = done.chain(() -> certifications.findById(old.certificationId)
                                    .chain(certification -> issue(certification, old.validFrom, old.validUntil))
                                    .invoke(replacement -> {
                                        old.supersede(replacement, old.holderName == null ? NAME_RECORDED
                                                : NAME_CHANGED);
                                        LOG.infof("credential %s superseded by %s: the holder's name changed", old.id,
                                                replacement.id);
                                    }).replaceWithVoid());
                        }
                        return done;
                    });
        });
    }

    /**
     * The holder's credential for a certification: its newest, neither superseded nor revoked. The first request
     * signs it.
     */
    public Uni<IssuedCredential> current(String number) {
        return Panache.withSession(() -> certifications.byNumber(number).chain(certification -> credentials
                .current(certification.id).chain(credential -> {
                    if (credential == null) {
                        throw Refusal.notFound("credential of certification", number);
                    }
                    return (credential.jwt != null ? Uni.createFrom().item(credential.jwt)
                            : signed(credential.id, certification))
                            .map(jwt -> new IssuedCredential(certification.candidateId, number, credential.id, jwt));
                })));
    }

    /** The certification's credentials, the newest first: the current one, those it superseded, revoked ones. */
    public Uni<Page<CredentialRecord>> history(String number, PageRequest paging) {
        return Panache.withSession(() -> certifications.byNumber(number)
                .chain(certification -> credentials.history(certification.id, paging)));
    }

    /**
     * Signs the credential once: two first requests at the same time meet at the row lock and hand out one JWT. It
     * states the achievement of the certification's program.
     */
    private Uni<String> signed(UUID credentialId, Certification certification) {
        return Panache.withTransaction(() -> credentials.lock(credentialId).chain(credential -> {
            if (credential.jwt != null) {
                return Uni.createFrom().item(credential.jwt);
            }
            CredentialContent content = new CredentialContent(credential.id, certification.number,
                    achievements.of(certification.program), credential.holderName,
                    certification.firstCertifiedOn, credential.validFrom, credential.validUntil, credential.statusIndex,
                    credential.issuedAt);
            credential.sign(JoseCodec.sign(CredentialDocument.credential(profile, content), key,
                    java.util.Date.from(content.issuedAt())), key.keyId());
            return credentials.recordKey(key.keyId(), key.publicJwk().toJSONString(), time.now())
                    .replaceWith(credential.jwt);
        }));
    }

    /**
     * Withdraws every credential of the certification for good; a later renewal issues a new credential. A verifier
     * learns the {@code category}; staff's {@code note} stays with the board.
     */
    public Uni<Long> revoke(String number, RevocationCategory category, String note) {
        return Panache.withTransaction(() -> certifications.lockByNumber(number).chain(certification -> credentials
                .revokeAll(certification.id, category, note, time.now())));
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

    /** Verifies a credential someone presented: signature, status and validity, as any verifier could. */
    public Uni<Verification> verifyPresented(String presented) {
        CredentialVerifier.Presented read = verifier.read(presented);
        Optional<Long> index = read.statusIndex();
        return publishedKeys().chain(keys -> (index.isEmpty()
                ? Uni.createFrom().item(CredentialVerifier.Standing.UNKNOWN)
                : Panache.withSession(() -> credentials.standingAt(index.get())))
                .map(standing -> verifier.verify(read, keys, at -> standing, time.now())));
    }

    /**
     * The signed status list credential number {@code list} of {@code purpose}, computed now from the credentials and
     * their certifications. Its signing key is recorded like a credential's, so it stays published after a rotation.
     */
    public Uni<String> statusList(StatusPurpose purpose, int list) {
        long first = (long) list * profile.statusListSize();
        // the key is this process's for its whole life: recorded by the first list it signs, not written per request
        Uni<Map<Long, CredentialStatus>> statuses = keyRecorded.get()
                ? Panache.withSession(() -> credentials.notGoodBetween(first, first + profile.statusListSize() - 1))
                : Panache.withTransaction(() -> credentials.notGoodBetween(first, first + profile.statusListSize() - 1)
                        .call(() -> credentials.recordKey(key.keyId(), key.publicJwk().toJSONString(), time.now())))
                        .invoke(() -> keyRecorded.set(true));
        return statuses.map(notGood -> {
            Bitstring bits = new Bitstring(profile.statusListSize() * purpose.statusSize());
            notGood.forEach((index, status) -> bits.set((int) (index - first), purpose.statusSize(),
                    status.value(purpose)));
            Instant now = time.now();
            return JoseCodec.sign(CredentialDocument.statusList(profile, purpose, list, bits.encode(),
                    OffsetDateTime.ofInstant(now, profile.zone())), key, java.util.Date.from(now));
        });
    }
}
