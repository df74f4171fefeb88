package org.certboard.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bearer tokens as every service checks them: who signed, for whom, until when, and the role they carry. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class SecurityTest {

    @Test
    void noTokenIs401ProblemWithABearerChallenge() {
        given().get("/admin/clock").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }

    @Test
    void aRoleThatMayNotIs403Problem() {
        for (String role : List.of(Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR)) {
            given().auth().oauth2(TestTokens.forNewSubject(role)).get("/admin/clock").then().statusCode(403)
                    .contentType("application/problem+json").body("status", equalTo(403));
        }
        given().auth().oauth2(TestTokens.forNewSubject(Roles.ADMIN)).get("/admin/clock").then().statusCode(200);
    }

    @Test
    void tokensTheBoardDidNotIssueAreRefused() throws Exception {
        given().auth().oauth2(TestTokens.sign(claims(c -> c.setExpirationTimeMinutesInTheFuture(-5))))
                .get("/admin/clock").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.sign(claims(c -> c.setAudience("another-app"))))
                .get("/admin/clock").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign(claims(c -> c.setIssuer("https://elsewhere.test/"))))
                .get("/admin/clock").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/admin/clock").then().statusCode(401);

        JsonWebSignature foreign = new JsonWebSignature();
        foreign.setPayload(claims(c -> { }).toJson());
        foreign.setKey(RsaJwkGenerator.generateJwk(2048).getPrivateKey());
        foreign.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        given().auth().oauth2(foreign.getCompactSerialization()).get("/admin/clock").then().statusCode(401);
        // the same claims signed with the trusted key pass: the refusals above are about what was changed
        given().auth().oauth2(TestTokens.sign(claims(c -> { }))).get("/admin/clock").then().statusCode(200);
    }

    @Test
    void aJwtIsCheckedAgainstTheKeySetAloneNeverSentToIntrospection() {
        // quarkus-oidc would otherwise post a JWT whose key it cannot find to the provider's introspection endpoint
        assertThat(ConfigProvider.getConfig().getValue("quarkus.oidc.token.allow-jwt-introspection", Boolean.class))
                .isFalse();
    }

    @Test
    void corsIsOffUnlessConfigured() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/admin/clock").then().header("Access-Control-Allow-Origin", nullValue());
    }

    private static JwtClaims claims(java.util.function.Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestTokens.ISSUER);
        claims.setAudience(TestTokens.AUDIENCE);
        claims.setSubject("admin-1");
        claims.setIssuedAt(NumericDate.now());
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setClaim("realm_access", Map.of("roles", List.of(Roles.ADMIN)));
        change.accept(claims);
        return claims;
    }
}
