package org.certboard.renewal.credential;

import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/**
 * Verifies a presented credential the way any verifier could: the signature against the board's published keys
 * (current and retired, so credentials signed before a key rotation still verify), then its status, then its
 * validity period. Plain Java; the status comes from a {@link StatusLookup}. Revocation outranks suspension, and
 * both outrank the validity period. A credential is {@link #read} once: where its status entries point is known
 * before the signature is checked, so that its standing can be fetched in one go.
 */
public final class CredentialVerifier {

    /** The board's standing of the credential at status position {@code index}. */
    @FunctionalInterface
    public interface StatusLookup {
        Standing at(long index);
    }

    /**
     * What the status lists say of a credential, and whether a newer credential supersedes it.
     *
     * @param supersededBy the newer credential's id ({@code urn:uuid:…}), null when this one is the newest
     * @param supersededReason why it was superseded (renewed, reactivated, name changed), null when it is not
     */
    public record Standing(CredentialStatus status, String supersededBy, String supersededReason) {
        public static final Standing UNKNOWN = new Standing(CredentialStatus.GOOD, null, null);
    }

    /** Where a credential's status entries point: its position, or why they are not the board's. */
    private record StatusRef(long index, String problem) {
    }

    /**
     * A presented credential as read: its JWT and claims and where its status entries point, or why it is not a
     * signed JWT ({@code unreadable}). Nothing is checked yet.
     */
    record Presented(SignedJWT jwt, Map<String, Object> claims, StatusRef status, String unreadable) {

        /** The status position it points to; empty when unreadable or its entries are not the board's. */
        Optional<Long> statusIndex() {
            return status == null || status.problem() != null ? Optional.empty() : Optional.of(status.index());
        }
    }

    private final IssuerProfile profile;

    public CredentialVerifier(IssuerProfile profile) {
        this.profile = profile;
    }

    /** Reads a presented credential once, for {@link #verify}. */
    Presented read(String presented) {
        try {
            SignedJWT jwt = SignedJWT.parse(presented.strip());
            Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
            return new Presented(jwt, claims, statusRef(claims.get("credentialStatus"), profile), null);
        } catch (ParseException | IllegalArgumentException e) {
            return new Presented(null, null, null, "not a signed JWT (compact JWS): " + e.getMessage());
        }
    }

    Verification verify(Presented presented, JWKSet published, StatusLookup status, Instant now) {
        if (presented.unreadable() != null) {
            return Verification.invalid(presented.unreadable());
        }
        SignedJWT jwt = presented.jwt();
        Map<String, Object> claims = presented.claims();
        JWK key = jwt.getHeader().getKeyID() == null ? null : published.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            return Verification.invalid("signed with a key the board has not published (kid "
                    + jwt.getHeader().getKeyID() + ")");
        }
        if (!signatureHolds(jwt, key)) {
            return Verification.invalid("the signature does not match: the credential was altered after signing");
        }
        Optional<String> problem = checkShape(claims);
        if (problem.isPresent()) {
            return Verification.invalid(problem.get());
        }
        Verification.Stated stated = stated(claims);
        StatusRef ref = presented.status();
        if (ref.problem() != null) {
            return Verification.invalid(ref.problem());
        }
        Standing standing = status.at(ref.index());
        if (standing.status().revoked()) {
            return new Verification(Verification.Result.REVOKED, "revoked: " + standing.status().revokedCategory()
                    .label(), stated, null);
        }
        if (standing.status().suspended()) {
            return new Verification(Verification.Result.SUSPENDED, standing.status().suspendedReason(), stated, null);
        }
        String superseded = standing.supersededBy() == null ? ""
                : "; superseded by " + standing.supersededBy() + " (" + standing.supersededReason()
                        + "), which the holder can present instead";
        try {
            Instant validFrom = OffsetDateTime.parse(stated.validFrom()).toInstant();
            Instant validUntil = OffsetDateTime.parse(stated.validUntil()).toInstant();
            if (now.isAfter(validUntil)) {
                return new Verification(Verification.Result.EXPIRED, "was valid until " + stated.validUntil()
                        + superseded, stated, standing.supersededBy());
            }
            if (now.isBefore(validFrom)) {
                return new Verification(Verification.Result.NOT_YET_VALID, "valid from " + stated.validFrom()
                        + superseded, stated, standing.supersededBy());
            }
        } catch (DateTimeParseException e) {
            return Verification.invalid("validFrom or validUntil is not a date-time");
        }
        return new Verification(Verification.Result.VALID, "signed by the board, neither revoked nor suspended, "
                + "within its validity period" + superseded, stated, standing.supersededBy());
    }

    private static boolean signatureHolds(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec)
                    : key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : null;
            return verifier != null && jwt.getHeader().getAlgorithm() != null
                    && verifier.supportedJWSAlgorithms().contains(jwt.getHeader().getAlgorithm())
                    && jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private Optional<String> checkShape(Map<String, Object> claims) {
        if (!(claims.get("type") instanceof List<?> types) || !types.contains(CredentialDocument.CREDENTIAL_TYPE)) {
            return Optional.of("not an OpenBadgeCredential");
        }
        if (!(claims.get("issuer") instanceof Map<?, ?> issuer) || !profile.issuerId().equals(issuer.get("id"))) {
            return Optional.of("not issued by " + profile.issuerId());
        }
        if (!(claims.get("credentialSubject") instanceof Map<?, ?>)) {
            return Optional.of("no credentialSubject");
        }
        if (!(claims.get("validFrom") instanceof String) || !(claims.get("validUntil") instanceof String)) {
            return Optional.of("validFrom and validUntil are required");
        }
        return Optional.empty();
    }

    /**
     * One entry in the board's list of purpose {@code message}; or, signed before 1.3, an array of a suspension and a
     * revocation entry, which point to the same position. An entry naming a list the board does not keep makes the
     * credential invalid.
     */
    private static StatusRef statusRef(Object credentialStatus, IssuerProfile profile) {
        List<?> entries = credentialStatus instanceof List<?> list ? list
                : credentialStatus == null ? List.of() : List.of(credentialStatus);
        if (entries.isEmpty()) {
            return new StatusRef(-1, "no credentialStatus: the board's credentials always carry one");
        }
        Long index = null;
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> entry)) {
                return new StatusRef(-1, "credentialStatus entry is not an object");
            }
            Optional<StatusPurpose> purpose = StatusPurpose.of(String.valueOf(entry.get("statusPurpose")));
            String list = String.valueOf(entry.get("statusListCredential"));
            if (purpose.isEmpty() || !list.startsWith(profile.statusListPrefix(purpose.get()))) {
                return new StatusRef(-1, "credentialStatus names a list the board does not keep: " + list);
            }
            long position;
            try {
                position = Long.parseLong(list.substring(profile.statusListPrefix(purpose.get()).length()))
                        * profile.statusListSize() + Long.parseLong(String.valueOf(entry.get("statusListIndex")));
            } catch (NumberFormatException e) {
                return new StatusRef(-1, "credentialStatus index is not a number");
            }
            if (index != null && index != position) {
                return new StatusRef(-1, "credentialStatus entries point to different credentials");
            }
            index = position;
        }
        return new StatusRef(index, null);
    }

    @SuppressWarnings("unchecked")
    private static Verification.Stated stated(Map<String, Object> claims) {
        Map<String, Object> subject = (Map<String, Object>) claims.get("credentialSubject");
        String name = null;
        if (subject.get("identifier") instanceof List<?> identifiers) {
            for (Object identifier : identifiers) {
                if (identifier instanceof Map<?, ?> object && "name".equals(object.get("identityType"))) {
                    name = String.valueOf(object.get("identityHash"));
                }
            }
        }
        String achievement = subject.get("achievement") instanceof Map<?, ?> a ? String.valueOf(a.get("name")) : null;
        return new Verification.Stated(String.valueOf(claims.get("id")), name, achievement,
                (String) subject.get("licenseNumber"), String.valueOf(((Map<String, Object>) claims.get("issuer"))
                        .get("id")), (String) claims.get("validFrom"), (String) claims.get("validUntil"));
    }
}
