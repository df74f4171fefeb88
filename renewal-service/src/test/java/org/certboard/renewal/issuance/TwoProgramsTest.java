package org.certboard.renewal.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

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
import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A person holding CCM and ACM (the test profile's ACMA-like program: 4 years, 40 h with 30 in case management, no
 * late renewal) at once: two live certifications, two numbers with their prefixes, two clocks, each by its program.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class TwoProgramsTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPersonHoldsCcmAndAcmAtOnceEachOnItsOwnClockAndAnExpiredAcmLapsesWithoutLateRenewal() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate ccmExam = today.minusYears(1);
        LocalDate acmExam = today.minusYears(4).plusDays(20);
        LocalDate acmExpiry = acmExam.plusYears(4);
        UUID candidate = RenewalFixtures.candidate(ccmExam);

        String ccm = board.certify(candidate, ccmExam, "CCM");
        String acm = board.certify(candidate, acmExam, "ACM");

        assertThat(ccm).startsWith("CCM-" + ccmExam.getYear() + "-");
        assertThat(acm).startsWith("ACM-" + acmExam.getYear() + "-");
        JsonPath acmView = RenewalFixtures.certification(acm);
        assertThat(acmView.getString("program")).isEqualTo("ACM");
        assertThat(acmView.getString("status")).isEqualTo("ACTIVE");
        assertThat(acmView.getString("expiresOn")).isEqualTo(acmExpiry.toString());
        assertThat(RenewalFixtures.certification(ccm).getString("expiresOn"))
                .isEqualTo(ccmExam.plusYears(5).toString());
        RenewalFixtures.staff().get("/verify/{n}", acm).then().statusCode(200)
                .body("credential", equalTo("Accredited Case Manager (ACM)"));
        RenewalFixtures.staff().get("/verify/{n}", ccm).then().statusCode(200)
                .body("credential", equalTo("Certified Case Manager (CCM)"));

        // 40 hours, but only 20 in case management: ACM cannot renew and names the category
        RenewalFixtures.credit(acm, 20, List.of("case-management"), today.minusDays(2));
        RenewalFixtures.credit(acm, 20, List.of(), today.minusDays(2));
        RenewalFixtures.staff().get("/certifications/{n}/renewal", acm).then().statusCode(200)
                .body("program", equalTo("ACM")).body("requiredHours", equalTo(40))
                .body("earnedHours", equalTo(40.0f)).body("canRenew", equalTo(false))
                .body("categories[0].category", equalTo("case-management"))
                .body("categories[0].requiredHours", equalTo(30)).body("categories[0].earnedHours", equalTo(20.0f))
                .body("requiredEthicsHours", equalTo(0)).body("earnedEthicsHours", equalTo(0))
                .body("lateRenewalEndsOn", nullValue())
                .body("missing.requirement", equalTo(List.of("CATEGORY_HOURS")))
                .body("missing[0].category", equalTo("case-management"))
                .body("missing[0].detail", containsString("case-management"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", acm).then().statusCode(422)
                .body("missing.category", hasItem("case-management"));
        // ethics is no category of ACM's, by the list or by the deprecated flag
        refused(acm, Map.of("categories", List.of("ethics")), "categories");
        refused(acm, Map.of("ethics", true), "ethics");

        RenewalFixtures.advance("P30D");

        // the day after its expiry the ACM certification expired and lapsed at once; the CCM one runs on
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RenewalFixtures.certification(acm).getString("status").equals("LAPSED"));
        assertThat(RenewalFixtures.certification(ccm).getString("status")).isEqualTo("ACTIVE");
        RenewalFixtures.staff().get("/certifications/{n}/renewal", acm).then().statusCode(200)
                .body("canRenew", equalTo(false)).body("missing.requirement", hasItem("STATUS"));
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> events = probe.await(r -> candidate.toString().equals(r.key())
                    && (EventType.CERTIFICATION_EXPIRED.type().equals(r.header("ce_type"))
                            || EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type"))),
                    2, Duration.ofSeconds(30));
            assertThat(events).extracting(r -> r.header("ce_type")).containsExactly(
                    EventType.CERTIFICATION_EXPIRED.type(), EventType.CERTIFICATION_LAPSED.type());
            assertThat(events).extracting(TopicProbe.Received::value).allSatisfy(value -> assertThat(value)
                    .contains("\"number\":\"" + acm + "\"").contains("\"program\":\"ACM\""));
            assertThat(events.get(1).value()).contains("\"lapsedOn\":\"" + acmExpiry + "\"");
            TopicProbe.Received logged = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CE_CREDIT_LOGGED.type().equals(r.header("ce_type"))
                    && r.value().contains("case-management"), 1, Duration.ofSeconds(30)).get(0);
            assertThat(EventCodec.validate(EventType.CE_CREDIT_LOGGED, logged.value())).isEmpty();
            CeCreditLogged credit = EventCodec.read(EventType.CE_CREDIT_LOGGED, logged.value());
            assertThat(credit.program()).isEqualTo("ACM");
            assertThat(credit.categories()).containsExactly("case-management");
            assertThat(credit.ethics()).isFalse();
        }

        // a new ACM pass issues a new ACM certification beside the CCM one
        board.pass(candidate, RenewalFixtures.today().minusDays(1), "ACM");
        String second = RenewalFixtures.awaitCertifications(candidate, list -> list.getInt("total") == 3)
                .getString("items.find { it.program == 'ACM' && it.status == 'ACTIVE' }.number");
        assertThat(second).startsWith("ACM-").isNotEqualTo(acm);
    }

    private static void refused(String number, Map<String, Object> categories, String field) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Ethics in care", "provider", "CMSA",
                "hours", 2, "completedOn", RenewalFixtures.today().minusDays(1).toString()));
        body.putAll(categories);
        RenewalFixtures.staff().contentType(ContentType.JSON).body(body)
                .post("/certifications/{n}/ce-credits", number).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
    }
}
