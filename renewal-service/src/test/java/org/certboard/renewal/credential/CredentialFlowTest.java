package org.certboard.renewal.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The credential's life through the running service: issued with the certification, downloaded by its holder,
 * verified by the board and by an independent library, suspended and reinstated by status changes, re-issued for a
 * corrected name, revoked, and still verifiable after a key rotation.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
public class CredentialFlowTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theHolderDownloadsASignedCredentialThatAnIndependentLibraryVerifies() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(20);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.register(candidate, "Grace", "Hopper");
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        // the two events travel on different topics: a credential issued before the name was known is re-issued
        String jwt = awaitCredential(number, "Grace Hopper");

        Map<String, Object> claims = independentlyVerified(jwt);
        assertThat(OpenBadgesSchema.errors(claims)).isEmpty();
        Map<String, Object> subject = map(claims.get("credentialSubject"));
        assertThat(subject.get("licenseNumber")).isEqualTo(number);
        assertThat(map(subject.get("achievement")).get("name")).isEqualTo("Certified Case Manager (CCM)");
        assertThat(claims.get("validFrom")).asString().startsWith(examDate.toString());
        assertThat(claims.get("validUntil")).asString().startsWith(examDate.plusYears(5).toString());
        // no personal data beyond the name: no candidate id, no e-mail anywhere in the credential
        assertThat(JsonUtil.toJson(claims)).doesNotContain(candidate.toString()).doesNotContain("@example.org");

        given().contentType(ContentType.JSON).body(Map.of("credential", jwt)).post("/credentials/verify").then()
                .statusCode(200).body("result", equalTo("VALID")).body("credential.name", equalTo("Grace Hopper"))
                .body("credential.certificationNumber", equalTo(number));
        given().contentType(JoseCodec.CREDENTIAL_MEDIA_TYPE).body(jwt.getBytes(StandardCharsets.UTF_8)).post("/credentials/verify").then()
                .statusCode(200).body("result", equalTo("VALID"));
        assertThat(statusBit("suspension", claims)).isFalse();
        assertThat(statusBit("revocation", claims)).isFalse();

        given().get("/certifications/{n}/credential", number).then().statusCode(401)
                .contentType("application/problem+json");
        RenewalFixtures.as(Roles.VENDOR).get("/certifications/{n}/credential", number).then().statusCode(403);
        RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", "CCM-1999-000000").then().statusCode(404);
    }

    @Test
    void aCredentialIsSignedWhenFirstAskedForAndOnlyOnce() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(10);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        String unsigned = "select count(*) from credential c join certification n on n.id = c.certification_id"
                + " where n.number = ? and c.jwt is null";
        assertThat(TestDatabase.count(unsigned, number)).as("recorded with the certification, not yet signed")
                .isEqualTo(1);

        List<CompletableFuture<String>> firstRequests = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> RenewalFixtures.as(Roles.STAFF)
                        .get("/certifications/{n}/credential", number).then().statusCode(200).extract().asString()))
                .toList();
        Set<String> handedOut = firstRequests.stream().map(CompletableFuture::join).collect(Collectors.toSet());

        assertThat(handedOut).as("one signature, whoever asked first").hasSize(1);
        assertThat(TestDatabase.count(unsigned, number)).isZero();
        Map<String, Object> claims = independentlyVerified(handedOut.iterator().next());
        assertThat(map(claims.get("credentialSubject")).get("licenseNumber")).isEqualTo(number);
    }

    @Test
    void expirySuspendsTheCredentialAndALateRenewalLiftsTheSuspensionAndIssuesANewOne() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(10);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        String first = awaitCredential(number, null);

        RenewalFixtures.advance("PT1M");
        await().atMost(DELIVERY).until(() -> "EXPIRED".equals(TestDatabase.text(
                "select status from certification where number = ?", number)));
        Map<String, Object> firstClaims = independentlyVerified(first);
        given().contentType(ContentType.JSON).body(Map.of("credential", first)).post("/credentials/verify").then()
                .statusCode(200).body("result", equalTo("SUSPENDED"))
                .body("reason", equalTo("certification " + number + " is EXPIRED"));
        assertThat(statusBit("suspension", firstClaims)).isTrue();

        // a pass within the grace period renews late: ACTIVE again, a new credential for the new cycle
        board.pass(candidate, today);
        await().atMost(DELIVERY).until(() -> "ACTIVE".equals(TestDatabase.text(
                "select status from certification where number = ?", number)));
        String renewed = awaitCredential(number, null);
        assertThat(renewed).isNotEqualTo(first);
        Map<String, Object> renewedClaims = independentlyVerified(renewed);
        assertThat(renewedClaims.get("validFrom")).asString().startsWith(examDate.plusYears(5).toString());
        given().contentType(ContentType.JSON).body(Map.of("credential", renewed)).post("/credentials/verify").then()
                .body("result", equalTo("VALID"));
        // the old credential's suspension is lifted; what is left is that its cycle is over
        assertThat(statusBit("suspension", firstClaims)).isFalse();
        given().contentType(ContentType.JSON).body(Map.of("credential", first)).post("/credentials/verify").then()
                .body("result", equalTo("EXPIRED"));
    }

    @Test
    void aCorrectedNameReissuesTheCredentialAndSuspendsTheOldOne() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(30);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.register(candidate, "Ada", "Lovelace");
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        String before = awaitCredential(number, "Ada Lovelace");

        board.send(new CandidateUpdated(candidate, "Ada", "King", Instant.now()));
        String after = awaitCredential(number, "Ada King");

        given().contentType(ContentType.JSON).body(Map.of("credential", after)).post("/credentials/verify").then()
                .body("result", equalTo("VALID")).body("credential.name", equalTo("Ada King"));
        given().contentType(ContentType.JSON).body(Map.of("credential", before)).post("/credentials/verify").then()
                .body("result", equalTo("SUSPENDED"))
                .body("reason", equalTo("replaced by a credential with the corrected name"));
        Map<String, Object> old = independentlyVerified(before);
        Map<String, Object> replacement = independentlyVerified(after);
        assertThat(replacement.get("validFrom")).isEqualTo(old.get("validFrom"));
        assertThat(replacement.get("validUntil")).isEqualTo(old.get("validUntil"));
        assertThat(statusBit("suspension", old)).isTrue();
        assertThat(statusBit("suspension", replacement)).isFalse();
    }

    @Test
    void staffRevokeACredentialForGood() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(40);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        String jwt = awaitCredential(number, null);

        RenewalFixtures.as(Roles.CANDIDATE).contentType(ContentType.JSON).body(Map.of("reason", "mine"))
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(403);
        RenewalFixtures.as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        RenewalFixtures.as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("reason", "issued in error"))
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(200)
                .body("revoked", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of("credential", jwt)).post("/credentials/verify").then()
                .body("result", equalTo("REVOKED")).body("reason", equalTo("issued in error"));
        assertThat(statusBit("revocation", independentlyVerified(jwt))).isTrue();
        RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", number).then().statusCode(404);
    }

    @Test
    void credentialsSignedWithARetiredKeyStillVerifyWhileItsPublicKeyStaysPublished() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(50);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        Map<String, Object> claims = independentlyVerified(awaitCredential(number, null));
        claims.keySet().removeAll(List.of("iss", "iat", "jti"));

        // the key the board signed with before the rotation: its public half stays in credential_key
        SigningKey retired = SigningKey.generate();
        try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement(
                "insert into credential_key (kid, public_jwk, first_used_at) values (?, ?, now() - interval '1 year')")) {
            insert.setString(1, retired.keyId());
            insert.setString(2, retired.publicJwk().toJSONString());
            insert.executeUpdate();
        }
        String signedBeforeRotation = JoseCodec.sign(claims, retired, Date.from(Instant.now().minusSeconds(86400)));
        String signedByAStranger = JoseCodec.sign(claims, SigningKey.generate(), new Date());

        List<String> kids = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
        assertThat(kids).contains(retired.keyId()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(given().get("/.well-known/jwks.json").asString()).doesNotContain("\"d\"");
        independentlyVerified(signedBeforeRotation);
        given().contentType(ContentType.JSON).body(Map.of("credential", signedBeforeRotation))
                .post("/credentials/verify").then().body("result", equalTo("VALID"));
        given().contentType(ContentType.JSON).body(Map.of("credential", signedByAStranger))
                .post("/credentials/verify").then().body("result", equalTo("INVALID"))
                .body("reason", containsString("not published"));
    }

    @Test
    void verificationNeedsACredentialAndSaysWhyGarbageIsInvalid() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/credentials/verify").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("credential"));
        given().contentType(ContentType.JSON).body(Map.of("credential", "eyJhbGciOi.garbage.x"))
                .post("/credentials/verify").then().statusCode(200).body("result", equalTo("INVALID"))
                .body("credential", equalTo(null));
        given().contentType(JoseCodec.CREDENTIAL_MEDIA_TYPE).body(new byte[0]).post("/credentials/verify").then()
                .statusCode(400).body("violations.field", hasItem("credential"));
        given().get("/credentials/status/expiry/0").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theVerificationPageIsHtmlOnlyForClientsAskingForHtml() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(60);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.register(candidate, "Mary", "Seacole");
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        await().atMost(DELIVERY).until(() -> "Mary Seacole".equals(
                given().get("/verify/{n}", number).then().extract().path("name")));

        String page = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/verify/{n}", number).then()
                .statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertThat(page).contains("Mary Seacole", "Certified Case Manager (CCM)", "Active", "<svg",
                "http://127.0.0.1:8083/verify/" + number).doesNotContain(candidate.toString());
        given().accept("*/*").get("/verify/{n}", number).then().statusCode(200).contentType(ContentType.JSON)
                .body("name", equalTo("Mary Seacole"));
        given().accept("application/json, text/html;q=0.5").get("/verify/{n}", number).then()
                .contentType(ContentType.JSON);
        given().accept("text/html").get("/verify/{n}", "CCM-1999-000000").then().statusCode(404)
                .contentType(ContentType.HTML).body(containsString("No certification with the number CCM-1999-000000"));
        given().redirects().follow(false).queryParam("number", number).get("/verify").then().statusCode(303)
                .header("Location", containsString("/verify/" + number));
        given().get("/verify").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<label for=\"number\">Certification number</label>"));
    }

    /** Longer than RenewalFixtures's 30 s: the first test of a fresh start also waits for the consumers to join their groups. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    public static String awaitNumber(UUID candidate) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(250)).until(() -> TestDatabase.count(
                "select count(*) from certification where candidate_id = ?", candidate) == 1);
        return TestDatabase.text("select number from certification where candidate_id = ?", candidate);
    }

    /** Downloads the holder's credential until it names {@code name} (any, when null) and is not the one before. */
    static String awaitCredential(String number, String name) {
        String[] jwt = new String[1];
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", number);
            if (response.statusCode() != 200) {
                return false;
            }
            jwt[0] = response.asString();
            return name == null || payload(jwt[0]).contains("\"identityHash\":\"" + name + "\"");
        });
        RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", number).then()
                .contentType(JoseCodec.CREDENTIAL_MEDIA_TYPE)
                .header("Content-Disposition", containsString(number + ".jwt"));
        return jwt[0];
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** jose4j, not the service's library: the signature against the published JWKS, then the claims. */
    static Map<String, Object> independentlyVerified(String jwt) throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(given().get("/.well-known/jwks.json").then().statusCode(200)
                .extract().asString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
        assertThat(jws.verifySignature()).as("signature of " + jwt).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo("vc+jwt");
        return JsonUtil.parseJson(jws.getPayload());
    }

    /** Reads the credential's bit from the published, signed status list, as any verifier would. */
    static boolean statusBit(String purpose, Map<String, Object> credential) throws Exception {
        Map<String, Object> entry = ((List<?>) credential.get("credentialStatus")).stream().map(CredentialFlowTest::map)
                .filter(e -> purpose.equals(e.get("statusPurpose"))).findFirst().orElseThrow();
        String listUrl = (String) entry.get("statusListCredential");
        String path = listUrl.substring(listUrl.indexOf("/credentials/status/"));
        String listJwt = given().get(path).then().statusCode(200).contentType(JoseCodec.CREDENTIAL_MEDIA_TYPE)
                .extract().asString();
        Map<String, Object> list = independentlyVerified(listJwt);
        assertThat(list.get("type")).asString().contains("BitstringStatusListCredential");
        Map<String, Object> subject = map(list.get("credentialSubject"));
        assertThat(subject.get("statusPurpose")).isEqualTo(purpose);
        String encoded = (String) subject.get("encodedList");
        byte[] bits;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = gzip.readAllBytes();
        }
        assertThat(bits.length * 8).isGreaterThanOrEqualTo(131072);
        int index = Integer.parseInt((String) entry.get("statusListIndex"));
        return (bits[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
