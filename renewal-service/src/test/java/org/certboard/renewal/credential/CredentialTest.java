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
            "certboard Case Management Certification Board", ZoneId.of("America/New_York"), 131072);
    static final Achievement CCM = new Achievement("CCM", "Certified Case Manager (CCM)", "The holder is certified.",
            "Passed the exam.", java.util.Optional.empty());
    static final Achievement ACM = new Achievement("ACM", "Accredited Case Manager (ACM)",
            "The holder passed the ACM examination.", "A passed ACM examination, renewed every four years.",
            java.util.Optional.of(URI.create("https://verify.certboard.test/images/acm.png")));
    private static final CredentialVerifier.StatusLookup NOTHING_SET = index -> CredentialVerifier.Standing.UNKNOWN;
    private static final CredentialVerifier VERIFIER = new CredentialVerifier(PROFILE);
    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

    private final SigningKey key = SigningKey.generate();

    static CredentialContent content(long statusIndex) {
        return new CredentialContent(UUID.randomUUID(), "CCM-2026-000042", CCM, "Ada Lovelace",
                LocalDate.of(2021, 5, 10),
                LocalDate.of(2026, 5, 10), LocalDate.of(2031, 5, 10), statusIndex, Instant.parse("2026-05-11T09:00:00Z"));
    }

    private String issue(SigningKey with, CredentialContent content) {
        return JoseCodec.sign(CredentialDocument.credential(PROFILE, content), with, Date.from(content.issuedAt()));
    }

    /** Reads the presented credential, then verifies it, as the service does. */
    private static Verification verify(String presented, JWKSet published, CredentialVerifier.StatusLookup status,
            Instant now) {
        return VERIFIER.verify(VERIFIER.read(presented), published, status, now);
    }

    private static JWKSet published(SigningKey... keys) {
        return new JWKSet(java.util.Arrays.stream(keys).map(SigningKey::publicJwk).toList());
    }

    @Test
    void aCredentialSignedByTheBoardIsValidWithinItsCycle() {
        String jwt = issue(key, content(7));

        Verification verification = verify(jwt, published(key), NOTHING_SET, NOW);

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

        Verification verification = verify(tampered, published(key), NOTHING_SET, NOW);

        assertThat(verification.result()).isEqualTo(Verification.Result.INVALID);
        assertThat(verification.reason()).contains("signature");
        assertThat(verification.credential()).isNull();
        assertThat(verify("not.a.jwt", published(key), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.INVALID);
    }

    @Test
    void aKeyTheBoardNeverPublishedIsRefused() {
        String jwt = issue(SigningKey.generate(), content(7));

        Verification verification = verify(jwt, published(key), NOTHING_SET, NOW);

        assertThat(verification.result()).isEqualTo(Verification.Result.INVALID);
        assertThat(verification.reason()).contains("not published");
    }

    @Test
    void validityFollowsTheCycleToTheSecond() {
        String jwt = issue(key, content(7));

        assertThat(verify(jwt, published(key), NOTHING_SET, Instant.parse("2031-05-11T03:59:59Z")).result())
                .isEqualTo(Verification.Result.VALID);
        Verification expired = verify(jwt, published(key), NOTHING_SET,
                Instant.parse("2031-05-11T04:00:00Z"));
        assertThat(expired.result()).isEqualTo(Verification.Result.EXPIRED);
        assertThat(expired.reason()).contains("2031-05-10T23:59:59-04:00");
        assertThat(verify(jwt, published(key), NOTHING_SET, Instant.parse("2026-05-10T03:59:59Z")).result())
                .isEqualTo(Verification.Result.NOT_YET_VALID);
    }

    @Test
    void suspensionIsLiftedWhenItsBitIsClearedAndRevocationOutranksIt() {
        long index = 131072L * 2 + 99;
        String jwt = issue(key, content(index));
        CredentialStatus retired = new CredentialStatus(null, "certification CCM-2026-000042 is RETIRED");
        CredentialVerifier.StatusLookup suspended = at -> new CredentialVerifier.Standing(
                at == index ? retired : CredentialStatus.GOOD, null, null);
        CredentialVerifier.StatusLookup both = at -> new CredentialVerifier.Standing(
                new CredentialStatus(RevocationCategory.DISCIPLINARY_ACTION, "certification is RETIRED"), null, null);

        Verification whileSuspended = verify(jwt, published(key), suspended, NOW);
        assertThat(whileSuspended.result()).isEqualTo(Verification.Result.SUSPENDED);
        assertThat(whileSuspended.reason()).isEqualTo("certification CCM-2026-000042 is RETIRED");
        assertThat(verify(jwt, published(key), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        Verification revoked = verify(jwt, published(key), both, NOW);
        assertThat(revoked.result()).isEqualTo(Verification.Result.REVOKED);
        assertThat(revoked.reason()).isEqualTo("revoked: disciplinary action");
        // a suspended credential past its validUntil still says why it is not valid: suspension comes first
        assertThat(verify(jwt, published(key), suspended, Instant.parse("2032-01-01T00:00:00Z")).result())
                .isEqualTo(Verification.Result.SUSPENDED);
    }

    @Test
    void aSupersededCredentialStaysTrueAndNamesItsSuccessor() {
        String jwt = issue(key, content(12));
        CredentialVerifier.StatusLookup superseded = at -> new CredentialVerifier.Standing(CredentialStatus.GOOD,
                "urn:uuid:00000000-0000-0000-0000-000000000001", "renewed until 2036-05-10");

        Verification verification = verify(jwt, published(key), superseded, NOW);

        assertThat(verification.result()).isEqualTo(Verification.Result.VALID);
        assertThat(verification.supersededBy()).isEqualTo("urn:uuid:00000000-0000-0000-0000-000000000001");
        assertThat(verification.reason()).contains("renewed until 2036-05-10");
    }

    @Test
    void theOneStatusEntryPointsIntoTheBoardsMessageListAtTheCredentialsPosition() {
        long index = 131072L * 3 + 5;
        Map<String, Object> credential = CredentialDocument.credential(PROFILE, content(index));

        Map<String, Object> entry = (Map<String, Object>) credential.get("credentialStatus");
        assertThat(entry).containsEntry("id", "https://verify.certboard.test/credentials/status/3#5")
                .containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "message")
                .containsEntry("statusListIndex", "5").containsEntry("statusSize", 2)
                .containsEntry("statusListCredential", "https://verify.certboard.test/credentials/status/3");
        assertThat((List<Map<String, String>>) entry.get("statusMessage")).extracting(m -> m.get("status"))
                .containsExactly("0x0", "0x1", "0x2", "0x3");
        assertThat(VERIFIER.read(issue(key, content(index))).statusIndex()).contains(index);
        assertThat(credential.get("awardedDate")).isEqualTo("2021-05-10T00:00:00-04:00");
    }

    @Test
    void aCredentialSignedBefore13WithTwoOneBitEntriesStillVerifies() {
        long index = 131072L + 8;
        Map<String, Object> legacy = new java.util.LinkedHashMap<>(CredentialDocument.credential(PROFILE,
                content(index)));
        legacy.put("credentialStatus", List.of(legacyEntry("suspension", index), legacyEntry("revocation", index)));
        String jwt = JoseCodec.sign(legacy, key, new Date());
        CredentialVerifier.StatusLookup revokedThere = at -> new CredentialVerifier.Standing(at == index
                ? new CredentialStatus(RevocationCategory.ISSUED_IN_ERROR, null) : CredentialStatus.GOOD, null, null);

        assertThat(VERIFIER.read(jwt).statusIndex()).contains(index);
        assertThat(verify(jwt, published(key), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        assertThat(verify(jwt, published(key), revokedThere, NOW).result())
                .isEqualTo(Verification.Result.REVOKED);
        // two entries that disagree on the position are no credential of the board
        legacy.put("credentialStatus", List.of(legacyEntry("suspension", index), legacyEntry("revocation", 3)));
        assertThat(verify(JoseCodec.sign(legacy, key, new Date()), published(key), NOTHING_SET, NOW)
                .result()).isEqualTo(Verification.Result.INVALID);
    }

    private static Map<String, Object> legacyEntry(String purpose, long index) {
        String list = "https://verify.certboard.test/credentials/status/" + purpose + "/" + index / 131072;
        return Map.of("id", list + "#" + index % 131072, "type", "BitstringStatusListEntry", "statusPurpose", purpose,
                "statusListIndex", Long.toString(index % 131072), "statusListCredential", list);
    }

    @Test
    void twoBitStatusesAreWrittenMostSignificantBitFirst() {
        Bitstring bits = new Bitstring(16);
        bits.set(0, 2, 0b01);
        bits.set(1, 2, 0b10);
        bits.set(7, 2, 0b11);

        Bitstring decoded = Bitstring.decode(bits.encode());
        assertThat(decoded.get(0)).isFalse();
        assertThat(decoded.get(1)).isTrue();
        assertThat(decoded.get(2)).isTrue();
        assertThat(decoded.get(3)).isFalse();
        assertThat(decoded.get(14)).isTrue();
        assertThat(decoded.get(15)).isTrue();
        assertThat(new CredentialStatus(RevocationCategory.ISSUED_IN_ERROR, "expired").value(StatusPurpose.MESSAGE))
                .isEqualTo(0b11);
        assertThat(new CredentialStatus(null, "expired").value(StatusPurpose.REVOCATION)).isZero();
    }

    @Test
    void afterARotationCredentialsSignedWithTheRetiredKeyStillVerify() {
        SigningKey retired = key;
        SigningKey current = SigningKey.generate();
        String before = issue(retired, content(1));
        String after = issue(current, content(2));

        assertThat(verify(before, published(current, retired), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        assertThat(verify(after, published(current, retired), NOTHING_SET, NOW).result())
                .isEqualTo(Verification.Result.VALID);
        // withdrawing the retired key (a compromise) is what makes its credentials fail
        assertThat(verify(before, published(current), NOTHING_SET, NOW).result())
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
        CredentialContent nameless = new CredentialContent(UUID.randomUUID(), "CCM-2026-000043", CCM, null, null,
                LocalDate.of(2026, 5, 10), LocalDate.of(2031, 5, 10), 4, Instant.now());
        assertThat(OpenBadgesSchema.errors(CredentialDocument.credential(PROFILE, nameless))).isEmpty();
        // and the schema does catch a credential missing what Open Badges requires
        Map<String, Object> broken = new java.util.LinkedHashMap<>(CredentialDocument.credential(PROFILE, content(5)));
        broken.remove("validFrom");
        broken.put("type", List.of("VerifiableCredential"));
        assertThat(OpenBadgesSchema.errors(broken)).hasSize(2);
    }

    @Test
    void anotherProgramsCredentialStatesItsOwnAchievementAndValidatesAgainstTheOpenBadgesSchema() throws Exception {
        CredentialContent acm = new CredentialContent(UUID.randomUUID(), "ACM-2028-000044", ACM, "Ada Lovelace",
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29), LocalDate.of(2032, 2, 29), 6, Instant.now());
        Map<String, Object> credential = CredentialDocument.credential(PROFILE, acm);

        assertThat(OpenBadgesSchema.errors(credential)).isEmpty();
        assertThat(credential.get("name")).isEqualTo("Accredited Case Manager (ACM)");
        Map<String, Object> achievement = (Map<String, Object>) ((Map<String, Object>) credential
                .get("credentialSubject")).get("achievement");
        assertThat(achievement).containsEntry("id", "https://verify.certboard.test/achievements/acm")
                .containsEntry("humanCode", "ACM").containsEntry("name", "Accredited Case Manager (ACM)")
                .containsEntry("description", "The holder passed the ACM examination.")
                .containsEntry("criteria", Map.of("narrative", "A passed ACM examination, renewed every four years."))
                .containsEntry("image", Map.of("id", "https://verify.certboard.test/images/acm.png", "type", "Image"));
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
        assertThat(verify(jwt, published(fromPem), NOTHING_SET, NOW).result())
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
