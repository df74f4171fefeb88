package org.certboard.renewal.ce;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.certboard.devstack.testing.RealInfrastructure;
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

    private static void invalid(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }
}
