package org.certboard.renewal.program;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The programs' public rules, open without a token: CCM by default, ACM from the test configuration. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class ProgramResourceTest {

    @Test
    void everyProgramIsListedByCodeWithItsPublicRules() {
        RestAssured.given().get("/programs").then().statusCode(200)
                .body("code", equalTo(List.of("ACM", "CCM")))
                .body("find { it.code == 'CCM' }.name", equalTo("Certified Case Manager (CCM)"))
                .body("find { it.code == 'CCM' }.numberPrefix", equalTo("CCM"))
                .body("find { it.code == 'CCM' }.cycle", equalTo("P5Y"))
                .body("find { it.code == 'CCM' }.ceRequiredHours", equalTo(80))
                .body("find { it.code == 'CCM' }.ceCategories", equalTo(List.of(
                        java.util.Map.of("category", "ethics", "minimumHours", 8))))
                .body("find { it.code == 'CCM' }.renewalWindow", equalTo("P3M"))
                .body("find { it.code == 'CCM' }.lateRenewal", equalTo("P30D"))
                .body("find { it.code == 'CCM' }.description", nullValue())
                .body("find { it.code == 'CCM' }.achievement.name", equalTo("Certified Case Manager (CCM)"));
    }

    @Test
    void oneProgramByCodeAndAnUnknownCodeIs404() {
        RestAssured.given().get("/programs/ACM").then().statusCode(200)
                .body("code", equalTo("ACM")).body("name", equalTo("Accredited Case Manager (ACM)"))
                .body("description", equalTo("The credential of case managers in hospitals and health systems."))
                .body("numberPrefix", equalTo("ACM")).body("cycle", equalTo("P4Y"))
                .body("ceRequiredHours", equalTo(40))
                .body("ceCategories[0].category", equalTo("case-management"))
                .body("ceCategories[0].minimumHours", equalTo(30))
                .body("lateRenewal", nullValue())
                .body("achievement.image", equalTo("https://verify.certboard.test/images/acm.png"))
                .body("achievement.criteria", equalTo("A passed ACM examination and renewal every four years by "
                        + "continuing education or re-examination."));
        RestAssured.given().get("/programs/XYZ").then().statusCode(404).contentType("application/problem+json");
    }
}
