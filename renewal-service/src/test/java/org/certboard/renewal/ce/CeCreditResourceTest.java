package org.certboard.renewal.ce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class CeCreditResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void creditsInsideTheCycleAreRecordedAndBadOnesRefusedWithoutAWrite() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(2);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(examDate), examDate);

        post(number, credit(12.5, true, today.minusDays(3))).statusCode(201)
                .body("id", notNullValue()).body("hours", equalTo(12.5f)).body("ethics", equalTo(true));
        post(number, credit(40, false, examDate)).statusCode(201);

        invalid(post(number, credit(0, false, today)), "hours");
        invalid(post(number, credit(-2, false, today)), "hours");
        invalid(post(number, credit(40.5, false, today)), "hours");
        invalid(post(number, credit(1.234, false, today)), "hours");
        invalid(post(number, credit(3, false, today.plusDays(1))), "completedOn");
        Map<String, Object> untitled = credit(3, false, today);
        untitled.remove("title");
        invalid(post(number, untitled), "title");
        Map<String, Object> extra = credit(3, false, today);
        extra.put("approvedBy", "me");
        invalid(post(number, extra), "approvedBy");
        Map<String, Object> badDate = credit(3, false, today);
        badDate.put("completedOn", "yesterday");
        invalid(post(number, badDate), "completedOn");
        RenewalFixtures.staff().contentType(ContentType.JSON).body("{\"title\":").post("/certifications/{n}/ce-credits", number)
                .then().statusCode(400).contentType("application/problem+json");
        RenewalFixtures.staff().contentType(ContentType.JSON).post("/certifications/{n}/ce-credits", number)
                .then().statusCode(400).contentType("application/problem+json");

        post(number, credit(3, false, examDate.minusDays(1))).statusCode(422)
                .contentType("application/problem+json").body("detail", notNullValue());

        RenewalFixtures.staff().get("/certifications/{n}/ce-credits", number).then().statusCode(200)
                .body("total", equalTo(2)).body("items.hours", hasItem(12.5f));
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().statusCode(200)
                .body("earnedHours", equalTo(52.5f)).body("earnedEthicsHours", equalTo(12.5f));
    }

    @Test
    void aCreditNamesItsProviderIdWhichTravelsInTheEventAndABadOneIsRefusedWithoutAWrite() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(1);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = new RenewalFixtures(bootstrapServers).certify(candidate, examDate);

        Map<String, Object> named = credit(6, false, today.minusDays(1));
        named.put("providerId", "CMSA-0042");
        String namedId = post(number, named).statusCode(201).body("providerId", equalTo("CMSA-0042"))
                .extract().path("id");
        String unnamedId = post(number, credit(2, true, today.minusDays(1))).statusCode(201)
                .body("$", hasKey("providerId")).body("providerId", nullValue()).extract().path("id");
        for (String bad : List.of("", " CMSA", "CMSA 42", "-CMSA", "CMSA/42", "ÄRZTE-1", "A".repeat(65))) {
            Map<String, Object> body = credit(1, false, today);
            body.put("providerId", bad);
            invalid(post(number, body), "providerId").body(
                    "violations.findAll { it.field == 'providerId' }.message", hasItem(containsString("letters, digits")));
        }
        Map<String, Object> notText = credit(1, false, today);
        notText.put("providerId", Map.of("id", "CMSA-0042"));
        post(number, notText).statusCode(400).contentType("application/problem+json");

        RenewalFixtures.staff().get("/certifications/{n}/ce-credits", number).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.id == '" + namedId + "' }.providerId", equalTo("CMSA-0042"))
                .body("items.find { it.id == '" + unnamedId + "' }.providerId", nullValue());
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> logged = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CE_CREDIT_LOGGED.type().equals(r.header("ce_type")), 2, Duration.ofSeconds(30));
            assertThat(logged).hasSize(2);
            for (TopicProbe.Received event : logged) {
                assertThat(EventCodec.validate(EventType.CE_CREDIT_LOGGED, event.value())).isEmpty();
                CeCreditLogged payload = EventCodec.read(EventType.CE_CREDIT_LOGGED, event.value());
                assertThat(payload.providerId()).isEqualTo(payload.creditId().toString().equals(namedId)
                        ? "CMSA-0042" : null);
            }
        }
    }

    @Test
    void aCreditNamesTheCategoriesOfItsProgramAndTheEthicsFlagIsTheirAlias() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(1);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = new RenewalFixtures(bootstrapServers).certify(candidate, examDate);

        Map<String, Object> listed = credit(3, false, today);
        listed.remove("ethics");
        listed.put("categories", List.of("ethics"));
        post(number, listed).statusCode(201).body("categories", equalTo(List.of("ethics")))
                .body("ethics", equalTo(true));
        post(number, credit(2, true, today)).statusCode(201).body("categories", equalTo(List.of("ethics")));
        Map<String, Object> neither = credit(4, false, today);
        neither.remove("ethics");
        post(number, neither).statusCode(201).body("categories", equalTo(List.of())).body("ethics", equalTo(false));

        Map<String, Object> unknown = credit(1, false, today);
        unknown.put("categories", List.of("case-management"));
        invalid(post(number, unknown), "categories").body("violations[0].message",
                containsString("not a CE category of program CCM"));
        Map<String, Object> badCode = credit(1, false, today);
        badCode.put("categories", List.of("Ethics"));
        post(number, badCode).statusCode(400).contentType("application/problem+json");
        Map<String, Object> contradicting = credit(1, false, today);
        contradicting.put("categories", List.of("ethics"));
        invalid(post(number, contradicting), "ethics");

        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().statusCode(200)
                .body("earnedHours", equalTo(9.0f)).body("earnedEthicsHours", equalTo(5.0f))
                .body("requiredEthicsHours", equalTo(8)).body("categories", hasSize(1))
                .body("categories[0].category", equalTo("ethics")).body("categories[0].earnedHours", equalTo(5.0f))
                .body("missing.category", hasItem("ethics"));
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> logged = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CE_CREDIT_LOGGED.type().equals(r.header("ce_type")), 3, Duration.ofSeconds(30));
            for (TopicProbe.Received event : logged) {
                assertThat(EventCodec.validate(EventType.CE_CREDIT_LOGGED, event.value())).isEmpty();
                CeCreditLogged payload = EventCodec.read(EventType.CE_CREDIT_LOGGED, event.value());
                assertThat(payload.program()).isEqualTo("CCM");
                assertThat(payload.ethics()).isEqualTo(payload.categories().contains("ethics"));
            }
        }
    }

    @Test
    void anUnknownCertificationIs404() {
        post("CCM-2020-999999", credit(3, false, RenewalFixtures.today())).statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        RenewalFixtures.staff().get("/certifications/CCM-2020-999999/ce-credits").then().statusCode(404);
    }

    private static Map<String, Object> credit(double hours, boolean ethics, LocalDate completedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Motivational interviewing");
        body.put("provider", "CMSA");
        body.put("hours", hours);
        body.put("ethics", ethics);
        body.put("completedOn", completedOn.toString());
        return body;
    }

    private static ValidatableResponse post(String number, Map<String, Object> body) {
        return RenewalFixtures.staff().contentType(ContentType.JSON).body(body).post("/certifications/{n}/ce-credits", number).then();
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }
}
