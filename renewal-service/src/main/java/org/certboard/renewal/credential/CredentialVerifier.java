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
 * (current and retired, so credentials signed before a key rotation still verify), then its status bits, then its
 * validity period. Plain Java; the status bits come from a {@link StatusLookup}.
 */
public final class CredentialVerifier {

    /** Reads bit {@code index} of the board's {@code purpose} list; empty when the bit is not set. */
    @FunctionalInterface
    public interface StatusLookup {
        Optional<String> reasonIfSet(StatusPurpose purpose, long index);
    }

    private final IssuerProfile profile;

    public CredentialVerifier(IssuerProfile profile) {
        this.profile = profile;
    }

    public Verification verify(String presented, JWKSet published, StatusLookup status, Instant now) {
        SignedJWT jwt;
        Map<String, Object> claims;
        try {
            jwt = SignedJWT.parse(presented.strip());
            claims = jwt.getJWTClaimsSet().toJSONObject();
        } catch (ParseException | IllegalArgumentException e) {
            return Verification.invalid("not a signed JWT (compact JWS): " + e.getMessage());
        }
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
        Optional<Verification> byStatus = statusOf(claims, status, stated);
        if (byStatus.isPresent()) {
            return byStatus.get();
        }
        try {
            Instant validFrom = OffsetDateTime.parse(stated.validFrom()).toInstant();
            Instant validUntil = OffsetDateTime.parse(stated.validUntil()).toInstant();
            if (now.isAfter(validUntil)) {
                return new Verification(Verification.Result.EXPIRED, "valid until " + stated.validUntil(), stated);
            }
            if (now.isBefore(validFrom)) {
                return new Verification(Verification.Result.NOT_YET_VALID, "valid from " + stated.validFrom(), stated);
            }
        } catch (DateTimeParseException e) {
            return Verification.invalid("validFrom or validUntil is not a date-time");
        }
        return new Verification(Verification.Result.VALID, "signed by the board, neither revoked nor suspended, "
                + "within its validity period", stated);
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

    /** Revocation outranks suspension; an entry pointing to a list that is not the board's makes the credential invalid. */
    private Optional<Verification> statusOf(Map<String, Object> claims, StatusLookup status, Verification.Stated stated) {
        if (!(claims.get("credentialStatus") instanceof List<?> entries) || entries.isEmpty()) {
            return Optional.of(Verification.invalid("no credentialStatus: the board's credentials always carry one"));
        }
        Optional<String> suspended = Optional.empty();
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> entry)) {
                return Optional.of(Verification.invalid("credentialStatus entry is not an object"));
            }
            Optional<StatusPurpose> purpose = StatusPurpose.of(String.valueOf(entry.get("statusPurpose")));
            String list = String.valueOf(entry.get("statusListCredential"));
            if (purpose.isEmpty() || !list.startsWith(profile.statusListPrefix(purpose.get()))) {
                return Optional.of(Verification.invalid("credentialStatus names a list the board does not keep: " + list));
            }
            long index;
            try {
                index = Long.parseLong(list.substring(profile.statusListPrefix(purpose.get()).length()))
                        * profile.statusListSize() + Long.parseLong(String.valueOf(entry.get("statusListIndex")));
            } catch (NumberFormatException e) {
                return Optional.of(Verification.invalid("credentialStatus index is not a number"));
            }
            Optional<String> reason = status.reasonIfSet(purpose.get(), index);
            if (reason.isPresent() && purpose.get() == StatusPurpose.REVOCATION) {
                return Optional.of(new Verification(Verification.Result.REVOKED, reason.get(), stated));
            }
            if (reason.isPresent()) {
                suspended = reason;
            }
        }
        return suspended.map(reason -> new Verification(Verification.Result.SUSPENDED, reason, stated));
    }

    /**
     * The status positions a presented credential points to, read before its signature is checked so that the
     * status can be fetched in one go; {@link #verify} checks everything again. Empty when unreadable.
     */
    public static Map<StatusPurpose, Long> statusIndexes(String presented, IssuerProfile profile) {
        Map<StatusPurpose, Long> indexes = new java.util.EnumMap<>(StatusPurpose.class);
        try {
            if (SignedJWT.parse(presented.strip()).getJWTClaimsSet().getClaim("credentialStatus")
                    instanceof List<?> entries) {
                for (Object item : entries) {
                    if (item instanceof Map<?, ?> entry) {
                        StatusPurpose.of(String.valueOf(entry.get("statusPurpose"))).ifPresent(purpose -> {
                            String list = String.valueOf(entry.get("statusListCredential"));
                            String prefix = profile.statusListPrefix(purpose);
                            if (list.startsWith(prefix)) {
                                indexes.put(purpose, Long.parseLong(list.substring(prefix.length()))
                                        * profile.statusListSize()
                                        + Long.parseLong(String.valueOf(entry.get("statusListIndex"))));
                            }
                        });
                    }
                }
            }
        } catch (ParseException | RuntimeException unreadable) {
            return Map.of();
        }
        return indexes;
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
