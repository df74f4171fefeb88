package org.certboard.renewal.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

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

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The credential's life through the running service: issued with the certification, downloaded by its holder,
 * verified by the board and by an independent library, suspended by status changes, superseded by a renewal, a late
 * renewal, a reactivation and a name change, revoked, and still verifiable after a key rotation. Every credential
 * handed out passes 1EdTech's published OB 3.0 schema ({@link IndependentCheck}).
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

        Map<String, Object> claims = IndependentCheck.conforming(jwt);
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
        assertThat(IndependentCheck.status(claims)).isEqualTo(IndependentCheck.VALID);

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
        Map<String, Object> claims = IndependentCheck.conforming(handedOut.iterator().next());
        assertThat(map(claims.get("credentialSubject")).get("licenseNumber")).isEqualTo(number);
    }

    @Test
    void expirySuspendsTheCredentialAndALateRenewalSupersedesItWithoutAGap() throws Exception {
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
        Map<String, Object> firstClaims = IndependentCheck.conforming(first);
        given().contentType(ContentType.JSON).body(Map.of("credential", first)).post("/credentials/verify").then()
                .statusCode(200).body("result", equalTo("SUSPENDED"))
                .body("reason", equalTo("certification " + number + " is EXPIRED"));
        assertThat(IndependentCheck.status(firstClaims)).as("the suspended bit alone")
                .isEqualTo(IndependentCheck.SUSPENDED);

        // a pass within the grace period renews late: ACTIVE again without a gap, a credential for the new cycle
        board.pass(candidate, today);
        await().atMost(DELIVERY).until(() -> "ACTIVE".equals(TestDatabase.text(
                "select status from certification where number = ?", number)));
        String renewed = awaitCredential(number, null, first);
        Map<String, Object> renewedClaims = IndependentCheck.conforming(renewed);
        assertThat(renewedClaims.get("validFrom")).asString().startsWith(examDate.plusYears(5).toString());
        assertThat(renewedClaims.get("validUntil")).asString().startsWith(examDate.plusYears(10).toString());
        given().contentType(ContentType.JSON).body(Map.of("credential", renewed)).post("/credentials/verify").then()
                .body("result", equalTo("VALID")).body("supersededBy", equalTo(null));
        // the old credential was true for its cycle: no bit, its period is over, and it names its successor
        assertThat(IndependentCheck.status(firstClaims)).isEqualTo(IndependentCheck.VALID);
        given().contentType(ContentType.JSON).body(Map.of("credential", first)).post("/credentials/verify").then()
                .body("result", equalTo("EXPIRED")).body("supersededBy", equalTo(renewedClaims.get("id")));
    }

    @Test
    void aRenewalInTheWindowSupersedesTheCredentialWithOneValidFromTodayToTheNewExpiry() throws Exception {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(30);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(false, examDate),
                examDate);
        String before = awaitCredential(number, null);
        RenewalFixtures.fullCe(number, today);

        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .body("expiresOn", equalTo(examDate.plusYears(10).toString()));

        String after = awaitCredential(number, null, before);
        Map<String, Object> renewed = IndependentCheck.conforming(after);
        assertThat(renewed.get("validFrom")).asString().startsWith(today.toString());
        assertThat(renewed.get("validUntil")).asString().startsWith(examDate.plusYears(10).toString());
        assertThat(renewed.get("awardedDate")).asString().startsWith(examDate.toString());
        given().contentType(ContentType.JSON).body(Map.of("credential", after)).post("/credentials/verify").then()
                .body("result", equalTo("VALID")).body("credential.validUntil",
                        startsWith(examDate.plusYears(10).toString()));
        // the one it supersedes still states the truth about the old cycle: valid, no bit, and where to look now
        Map<String, Object> old = IndependentCheck.conforming(before);
        assertThat(IndependentCheck.status(old)).isEqualTo(IndependentCheck.VALID);
        assertThat(IndependentCheck.status(renewed)).isEqualTo(IndependentCheck.VALID);
        given().contentType(ContentType.JSON).body(Map.of("credential", before)).post("/credentials/verify").then()
                .body("result", equalTo("VALID")).body("supersededBy", equalTo(renewed.get("id")))
                .body("reason", containsString("renewed until " + examDate.plusYears(10)));
        RenewalFixtures.staff().get("/certifications/{n}/credential/history", number).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo(renewed.get("id")))
                .body("items[0].standing", equalTo("CURRENT")).body("items[1].standing", equalTo("SUPERSEDED"))
                .body("items[1].supersededBy", equalTo(renewed.get("id")))
                .body("items[1].supersededReason", equalTo("renewed until " + examDate.plusYears(10)));
    }

    @Test
    void reactivationFromRetiredSupersedesTheSuspendedCredential() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(40);
        String number = board.certify(RenewalFixtures.candidate(false, examDate), examDate);
        String before = awaitCredential(number, null);
        RenewalFixtures.staff().post("/certifications/{n}/retirement", number).then().statusCode(200);
        assertThat(IndependentCheck.status(IndependentCheck.conforming(before))).isEqualTo(IndependentCheck.SUSPENDED);

        RenewalFixtures.fullCe(number, today);
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201);

        Map<String, Object> reactivated = IndependentCheck.conforming(awaitCredential(number, null, before));
        assertThat(reactivated.get("validFrom")).asString().startsWith(today.toString());
        assertThat(reactivated.get("validUntil")).asString().startsWith(today.plusYears(5).toString());
        assertThat(IndependentCheck.status(reactivated)).isEqualTo(IndependentCheck.VALID);
        assertThat(IndependentCheck.status(IndependentCheck.conforming(before))).isEqualTo(IndependentCheck.VALID);
    }

    @Test
    void anAcceptedNameChangeSupersedesTheCredentialWithTheSameValidity() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(30);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.register(candidate, "Ada", "Lovelace");
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        String before = awaitCredential(number, "Ada Lovelace");

        board.send(new CandidateUpdated(candidate, "Ada", "King", Instant.now()));
        String after = awaitCredential(number, "Ada King");

        Map<String, Object> old = IndependentCheck.conforming(before);
        Map<String, Object> replacement = IndependentCheck.conforming(after);
        given().contentType(ContentType.JSON).body(Map.of("credential", after)).post("/credentials/verify").then()
                .body("result", equalTo("VALID")).body("credential.name", equalTo("Ada King"));
        given().contentType(ContentType.JSON).body(Map.of("credential", before)).post("/credentials/verify").then()
                .body("result", equalTo("VALID")).body("supersededBy", equalTo(replacement.get("id")))
                .body("reason", containsString("the holder's legal name changed"));
        assertThat(replacement.get("validFrom")).isEqualTo(old.get("validFrom"));
        assertThat(replacement.get("validUntil")).isEqualTo(old.get("validUntil"));
        assertThat(IndependentCheck.status(old)).isEqualTo(IndependentCheck.VALID);
        assertThat(IndependentCheck.status(replacement)).isEqualTo(IndependentCheck.VALID);
    }

    @Test
    void staffRevokeACredentialForGoodAndVerifiersLearnOnlyTheCategory() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(40);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        String jwt = awaitCredential(number, null);
        String note = "Board minutes 2026-14: licence surrendered after a complaint";
        Map<String, String> revocation = Map.of("category", "DISCIPLINARY_ACTION", "reason", note);

        RenewalFixtures.as(Roles.CANDIDATE).contentType(ContentType.JSON).body(revocation)
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(403);
        RenewalFixtures.as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("reason", note))
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(400)
                .body("violations.field", hasItem("category"));
        RenewalFixtures.as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("category", "BECAUSE_I_SAY_SO", "reason", note))
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(400);
        RenewalFixtures.as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("category", "DISCIPLINARY_ACTION", "reason", " "))
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        assertThat(IndependentCheck.status(IndependentCheck.conforming(jwt))).isEqualTo(IndependentCheck.VALID);
        RenewalFixtures.as(Roles.STAFF).contentType(ContentType.JSON).body(revocation)
                .post("/certifications/{n}/credential/revocation", number).then().statusCode(200)
                .body("revoked", equalTo(1));

        String answer = given().contentType(ContentType.JSON).body(Map.of("credential", jwt))
                .post("/credentials/verify").then().body("result", equalTo("REVOKED"))
                .body("reason", equalTo("revoked: disciplinary action")).extract().asString();
        assertThat(answer).doesNotContain("minutes").doesNotContain("complaint");
        assertThat(IndependentCheck.status(IndependentCheck.conforming(jwt))).as("the revoked bit alone")
                .isEqualTo(IndependentCheck.REVOKED);
        RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", number).then().statusCode(404);
    }

    @Test
    void credentialsSignedWithARetiredKeyStillVerifyWhileItsPublicKeyStaysPublished() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(50);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.pass(candidate, examDate);
        String number = awaitNumber(candidate);
        Map<String, Object> claims = IndependentCheck.conforming(awaitCredential(number, null));
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
        IndependentCheck.conforming(signedBeforeRotation);
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
        given().get("/credentials/status/first").then().statusCode(404).contentType("application/problem+json");
        given().get("/credentials/status/-1").then().statusCode(404);
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

    /** Downloads the holder's credential until it names {@code name} (any, when null). */
    static String awaitCredential(String number, String name) throws Exception {
        return awaitCredential(number, name, null);
    }

    /**
     * Downloads the holder's credential until it names {@code name} (any, when null) and is not {@code before}; what
     * it hands out verifies with jose4j and passes 1EdTech's schema.
     */
    static String awaitCredential(String number, String name, String before) throws Exception {
        String[] jwt = new String[1];
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", number);
            if (response.statusCode() != 200) {
                return false;
            }
            jwt[0] = response.asString();
            return !jwt[0].equals(before)
                    && (name == null || payload(jwt[0]).contains("\"identityHash\":\"" + name + "\""));
        });
        RenewalFixtures.as(Roles.STAFF).get("/certifications/{n}/credential", number).then()
                .contentType(JoseCodec.CREDENTIAL_MEDIA_TYPE)
                .header("Content-Disposition", containsString(number + ".jwt"));
        IndependentCheck.conforming(jwt[0]);
        return jwt[0];
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
