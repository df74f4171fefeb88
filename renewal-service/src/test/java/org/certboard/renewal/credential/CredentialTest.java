package org.certboard.renewal.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;

/** The credential's content, signature, status and validity, without the service: plain Java. */
@SuppressWarnings("unchecked")
class CredentialTest {
    static final IssuerProfile PROFILE = new IssuerProfile(URI.create("https://verify.certboard.test"),
            "certboard Case Management Certification Board", "Certified Case Manager (CCM)", "CCM",
            "The holder is certified.", "Passed the exam.", ZoneId.of("America/New_York"), 131072);
    private static final CredentialVerifier.StatusLookup NOTHING_SET = (purpose, index) -> Optional.empty();
    private static final CredentialVerifier VERIFIER = new CredentialVerifier(PROFILE);
    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

    private final SigningKey key = SigningKey.generate();

    static CredentialContent content(long statusIndex) {
        return new CredentialContent(UUID.randomUUID(), "CCM-2026-000042", "Ada Lovelace", LocalDate.of(2026, 5, 10),
                LocalDate.of(2031, 5, 10), statusIndex, Instant.parse("2026-05-11T09:00:00Z"));
    }

    private String issue(SigningKey with, CredentialContent content) {
        return JoseCodec.sign(CredentialDocument.credential(PROFILE, content), with, Date.from(content.issuedAt()));
    }

    private static JWKSet published(SigningKey... keys) {
        return new JWKSet(java.util.Arrays.stream(keys).map(SigningKey::publicJwk).toList());
    }

    @Test
    void aCredentialSignedByTheBoardIsValidWithinItsCycle() {
        String jwt = issue(key, content(7));

        Verification verification = VERIFIER.verify(jwt, published(key), NOTHING_SET, NOW);

        assertThat(verification.result()).isEqualTo(Verification.Result.VALID);
        assertThat(verification.credential().name()).isEqualTo("Ada Lovelace");
        assertThat(verification.credential().certificationNumber()).isEqualTo("CCM-2026-000042");
        assertThat(verification.credential().achievement()).isEqualTo("Certified Case Manager (CCM)");
        // the cycle in the board's zone: from the start of its first day to the end of the expiry date
        assertThat(verification.credential().validFrom()).isEqualTo("2026-05-10T00:00:00-04:00");
        assertThat(verification.credential().validUntil()).isEqualTo("2031-05-10T23:59:59-04:00");
    }

    @Test
    void anyChangeToThePayloadBreaksTheSignature() {
        String[] parts = issue(key, content(7)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("Ada Lovelace", "Eve Mallory").replace("2031-05-10", "2041-05-10");
        assertThat(forged).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        Verification verification = VERIFIER.verify(tampered, published(key), NOTHING_SET, NOW);

        assertThat(verification.result()).isEqualTo(Verification.Result.INVALID);
        assertThat(verification.reason()).contains("signature");
        assertThat(verification.credential()).isNull();
        assertThat(VERIFIER.verify("not.a.jwt", published(key), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.INVALID);
    }

    @Test
    void aKeyTheBoardNeverPublishedIsRefused() {
        String jwt = issue(SigningKey.generate(), content(7));

        Verification verification = VERIFIER.verify(jwt, published(key), NOTHING_SET, NOW);

        assertThat(verification.result()).isEqualTo(Verification.Result.INVALID);
        assertThat(verification.reason()).contains("not published");
    }

    @Test
    void validityFollowsTheCycleToTheSecond() {
        String jwt = issue(key, content(7));

        assertThat(VERIFIER.verify(jwt, published(key), NOTHING_SET, Instant.parse("2031-05-11T03:59:59Z")).result())
                .isEqualTo(Verification.Result.VALID);
        Verification expired = VERIFIER.verify(jwt, published(key), NOTHING_SET,
                Instant.parse("2031-05-11T04:00:00Z"));
        assertThat(expired.result()).isEqualTo(Verification.Result.EXPIRED);
        assertThat(expired.reason()).contains("2031-05-10T23:59:59-04:00");
        assertThat(VERIFIER.verify(jwt, published(key), NOTHING_SET, Instant.parse("2026-05-10T03:59:59Z")).result())
                .isEqualTo(Verification.Result.NOT_YET_VALID);
    }

    @Test
    void suspensionIsLiftedWhenItsBitIsClearedAndRevocationOutranksIt() {
        long index = 131072L * 2 + 99;
        String jwt = issue(key, content(index));
        CredentialVerifier.StatusLookup suspended = (purpose, i) -> purpose == StatusPurpose.SUSPENSION && i == index
                ? Optional.of("certification CCM-2026-000042 is RETIRED") : Optional.empty();
        CredentialVerifier.StatusLookup both = (purpose, i) -> i == index ? Optional.of(purpose.value())
                : Optional.empty();

        Verification whileSuspended = VERIFIER.verify(jwt, published(key), suspended, NOW);
        assertThat(whileSuspended.result()).isEqualTo(Verification.Result.SUSPENDED);
        assertThat(whileSuspended.reason()).isEqualTo("certification CCM-2026-000042 is RETIRED");
        assertThat(VERIFIER.verify(jwt, published(key), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        assertThat(VERIFIER.verify(jwt, published(key), both, NOW).result()).isEqualTo(Verification.Result.REVOKED);
        // a suspended credential past its validUntil still says why it is not valid: suspension comes first
        assertThat(VERIFIER.verify(jwt, published(key), suspended, Instant.parse("2032-01-01T00:00:00Z")).result())
                .isEqualTo(Verification.Result.SUSPENDED);
    }

    @Test
    void theStatusEntriesPointIntoTheBoardsListsAtTheCredentialsPosition() {
        long index = 131072L * 3 + 5;
        Map<String, Object> credential = CredentialDocument.credential(PROFILE, content(index));

        assertThat((List<Object>) credential.get("credentialStatus")).containsExactly(
                Map.of("id", "https://verify.certboard.test/credentials/status/suspension/3#5",
                        "type", "BitstringStatusListEntry", "statusPurpose", "suspension", "statusListIndex", "5",
                        "statusListCredential", "https://verify.certboard.test/credentials/status/suspension/3"),
                Map.of("id", "https://verify.certboard.test/credentials/status/revocation/3#5",
                        "type", "BitstringStatusListEntry", "statusPurpose", "revocation", "statusListIndex", "5",
                        "statusListCredential", "https://verify.certboard.test/credentials/status/revocation/3"));
        assertThat(CredentialVerifier.statusIndexes(issue(key, content(index)), PROFILE))
                .containsEntry(StatusPurpose.SUSPENSION, index).containsEntry(StatusPurpose.REVOCATION, index);
    }

    @Test
    void afterARotationCredentialsSignedWithTheRetiredKeyStillVerify() {
        SigningKey retired = key;
        SigningKey current = SigningKey.generate();
        String before = issue(retired, content(1));
        String after = issue(current, content(2));

        assertThat(VERIFIER.verify(before, published(current, retired), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        assertThat(VERIFIER.verify(after, published(current, retired), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        // withdrawing the retired key (a compromise) is what makes its credentials fail
        assertThat(VERIFIER.verify(before, published(current), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.INVALID);
    }

    @Test
    void anIndependentLibraryVerifiesTheJwtAgainstThePublishedKeySet() throws Exception {
        CredentialContent content = content(11);
        String jwt = issue(key, content);
        String jwks = published(key).toString(true);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        jws.setKey(new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys()).getKey());

        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo("vc+jwt");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(key.keyId());
        Map<String, Object> claims = JsonUtil.parseJson(jws.getPayload());
        assertThat(claims.get("id")).isEqualTo("urn:uuid:" + content.id());
        assertThat(claims.get("jti")).isEqualTo("urn:uuid:" + content.id());
        assertThat(claims.get("iss")).isEqualTo("https://verify.certboard.test");
        assertThat((List<Object>) claims.get("type")).containsExactly("VerifiableCredential", "OpenBadgeCredential");
    }

    @Test
    void theCredentialValidatesAgainstTheOpenBadgesSchema() throws Exception {
        assertThat(OpenBadgesSchema.errors(CredentialDocument.credential(PROFILE, content(3)))).isEmpty();
        // without a name (issued before the name was known) it is still a valid credential
        CredentialContent nameless = new CredentialContent(UUID.randomUUID(), "CCM-2026-000043", null,
                LocalDate.of(2026, 5, 10), LocalDate.of(2031, 5, 10), 4, Instant.now());
        assertThat(OpenBadgesSchema.errors(CredentialDocument.credential(PROFILE, nameless))).isEmpty();
        // and the schema does catch a credential missing what Open Badges requires
        Map<String, Object> broken = new java.util.LinkedHashMap<>(CredentialDocument.credential(PROFILE, content(5)));
        broken.remove("validFrom");
        broken.put("type", List.of("VerifiableCredential"));
        assertThat(OpenBadgesSchema.errors(broken)).hasSize(2);
    }

    @Test
    void aStatusListRoundTripsWithBitZeroFirst() {
        Bitstring bits = new Bitstring(131072);
        bits.set(0);
        bits.set(131071);
        bits.set(9);

        Bitstring decoded = Bitstring.decode(bits.encode());

        assertThat(decoded.size()).isEqualTo(131072);
        assertThat(decoded.get(0)).isTrue();
        assertThat(decoded.get(9)).isTrue();
        assertThat(decoded.get(131071)).isTrue();
        assertThat(decoded.get(1)).isFalse();
        assertThat(bits.encode()).startsWith("u");
        // bit 0 is the most significant bit of the first byte
        Bitstring first = new Bitstring(8);
        first.set(0);
        assertThat(Bitstring.decode(first.encode()).get(0)).isTrue();
    }

    @Test
    void theSigningKeyIsReadFromAJwkOrFromPem() throws Exception {
        SigningKey fromJwk = SigningKey.parse(key.jwk().toJSONString());
        assertThat(fromJwk.keyId()).isEqualTo(key.keyId());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        SigningKey fromPem = SigningKey.parse(pem);
        String jwt = issue(fromPem, content(1));
        assertThat(VERIFIER.verify(jwt, published(fromPem), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);

        assertThatThrownBy(() -> SigningKey.parse(key.publicJwk().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
        assertThatThrownBy(() -> SigningKey.parse(pem("PRIVATE KEY", pair.getPrivate().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC KEY");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
