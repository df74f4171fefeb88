package org.certboard.renewal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A program defined only here, by configuration alone, runs end to end: its exam pass on Kafka issues a TPX-…
 * certification with its 2-year cycle, CE logged in its own category renews it.
 */
@QuarkusTest
@TestProfile(ThirdProgramTest.WithTpx.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class ThirdProgramTest {

    public static class WithTpx implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.programs.TPX.name", "Test Program Examiner (TPX)",
                    "certboard.programs.TPX.number-prefix", "TPX",
                    "certboard.programs.TPX.renewal.cycle", "P2Y",
                    "certboard.programs.TPX.ce.required-hours", "10",
                    "certboard.programs.TPX.ce.categories.law", "2");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aProgramDefinedByConfigurationAloneIssuesAndRenewsByItsOwnRules() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(2).plusDays(30);
        LocalDate expiry = examDate.plusYears(2);
        UUID candidate = RenewalFixtures.candidate(false, examDate);

        String number = board.certify(candidate, examDate, "TPX");

        assertThat(number).startsWith("TPX-" + examDate.getYear() + "-");
        assertThat(RenewalFixtures.certification(number).getString("expiresOn")).isEqualTo(expiry.toString());
        RestAssured.given().get("/programs/TPX").then().statusCode(200).body("cycle", equalTo("P2Y"))
                .body("ceCategories[0].category", equalTo("law")).body("lateRenewal", equalTo("P30D"));

        RenewalFixtures.credit(number, 8, List.of(), today.minusDays(1));
        RenewalFixtures.credit(number, 2, List.of("law"), today.minusDays(1));
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().statusCode(200)
                .body("canRenew", equalTo(true)).body("categories[0].category", equalTo("law"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .body("status", equalTo("RENEWED")).body("expiresOn", equalTo(expiry.plusYears(2).toString()));

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            TopicProbe.Received renewed = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_RENEWED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(EventCodec.validate(EventType.CERTIFICATION_RENEWED, renewed.value())).isEmpty();
            CertificationRenewed event = EventCodec.read(EventType.CERTIFICATION_RENEWED, renewed.value());
            assertThat(event.program()).isEqualTo("TPX");
            assertThat(event.expiresOn()).isEqualTo(expiry.plusYears(2));
        }
        RenewalFixtures.staff().get("/verify/{n}", number).then().statusCode(200)
                .body("credential", equalTo("Test Program Examiner (TPX)"));
        // the signed credential states the program's achievement
        String jwt = RenewalFixtures.staff().get("/certifications/{n}/credential", number).then().statusCode(200)
                .extract().asString();
        JsonPath claims = JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(claims.getString("name")).isEqualTo("Test Program Examiner (TPX)");
        assertThat(claims.getString("credentialSubject.achievement.humanCode")).isEqualTo("TPX");
        assertThat(claims.getString("credentialSubject.achievement.id")).endsWith("/achievements/tpx");
    }
}
