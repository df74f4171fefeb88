package org.certboard.candidate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.candidate.Api;
import org.certboard.candidate.Database;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class EvidenceResourceTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void recordsLicencesDegreesAndExperienceOnTheProfile() {
        String id = Api.register();
        LocalDate today = SandboxClock.today();
        staff().contentType(ContentType.JSON).body("{\"type\":\"RN\",\"number\":\"123456\",\"jurisdiction\":\"NY\","
                + "\"issuedOn\":\"2015-01-01\",\"expiresOn\":\"" + today.plusYears(1) + "\",\"independentPractice\":true}")
                .post("/candidates/{id}/licences", id).then().statusCode(201)
                .body("id", notNullValue()).body("type", equalTo("RN"));
        staff().contentType(ContentType.JSON).body("{\"level\":\"MASTER\",\"field\":\"Social Work\","
                + "\"institution\":\"Columbia\",\"awardedOn\":\"" + today + "\",\"supervisedFieldExperience\":true}")
                .post("/candidates/{id}/degrees", id).then().statusCode(201).body("level", equalTo("MASTER"));
        staff().contentType(ContentType.JSON).body("{\"employer\":\"City Hospital\",\"role\":\"SUPERVISOR\","
                + "\"startDate\":\"" + today.minusYears(2) + "\",\"hoursPerWeek\":17.5,"
                + "\"supervisedByCertifiedCaseManager\":false}")
                .post("/candidates/{id}/experience", id).then().statusCode(201)
                .body("hoursPerWeek", equalTo(17.5f)).body("selfEmployed", equalTo(false));

        staff().get("/candidates/{id}", id).then().statusCode(200)
                .body("licences", hasSize(1)).body("licences[0].number", equalTo("123456"))
                .body("licences[0].expiresOn", equalTo(today.plusYears(1).toString()))
                .body("degrees", hasSize(1)).body("degrees[0].field", equalTo("Social Work"))
                .body("experience", hasSize(1)).body("experience[0].role", equalTo("SUPERVISOR"))
                .body("experience[0].endDate", equalTo(null));
        assertThat(Database.outboxEvents(id, "org.certboard.candidate.LicenceRecorded.v1")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            licence without number | licences | {"type":"RN","jurisdiction":"NY","expiresOn":"2030-01-01","independentPractice":true} | number
            licence without expiry | licences | {"type":"RN","number":"1","jurisdiction":"NY","independentPractice":true} | expiresOn
            licence issued in the future | licences | {"type":"RN","number":"1","jurisdiction":"NY","issuedOn":"TOMORROW","expiresOn":"2030-01-01","independentPractice":true} | issuedOn
            licence without independent practice flag | licences | {"type":"RN","number":"1","jurisdiction":"NY","expiresOn":"2030-01-01"} | independentPractice
            licence with an unknown field | licences | {"type":"RN","number":"1","jurisdiction":"NY","expiresOn":"2030-01-01","independentPractice":true,"verified":true} | verified
            degree awarded in the future | degrees | {"level":"MASTER","field":"Nursing","institution":"X","awardedOn":"TOMORROW","supervisedFieldExperience":true} | awardedOn
            degree at an unknown level | degrees | {"level":"ASSOCIATE","field":"Nursing","institution":"X","awardedOn":"2010-01-01","supervisedFieldExperience":true} | level
            degree without field | degrees | {"level":"MASTER","institution":"X","awardedOn":"2010-01-01","supervisedFieldExperience":true} | field
            experience ending before it starts | experience | {"employer":"E","role":"CASE_MANAGER","startDate":"2020-01-01","endDate":"2019-12-31","hoursPerWeek":35,"supervisedByCertifiedCaseManager":true} | endDate
            experience ending the day it starts | experience | {"employer":"E","role":"CASE_MANAGER","startDate":"2020-01-01","endDate":"2020-01-01","hoursPerWeek":35,"supervisedByCertifiedCaseManager":true} | endDate
            experience starting in the future | experience | {"employer":"E","role":"CASE_MANAGER","startDate":"TOMORROW","hoursPerWeek":35,"supervisedByCertifiedCaseManager":true} | startDate
            experience of no hours | experience | {"employer":"E","role":"CASE_MANAGER","startDate":"2020-01-01","hoursPerWeek":0,"supervisedByCertifiedCaseManager":true} | hoursPerWeek
            experience of 81 hours a week | experience | {"employer":"E","role":"CASE_MANAGER","startDate":"2020-01-01","hoursPerWeek":81,"supervisedByCertifiedCaseManager":true} | hoursPerWeek
            experience in an unknown role | experience | {"employer":"E","role":"INTERN","startDate":"2020-01-01","hoursPerWeek":35,"supervisedByCertifiedCaseManager":true} | role
            experience with a client-chosen id | experience | {"id":"6f1c2a70-0000-4000-8000-000000000000","employer":"E","role":"CASE_MANAGER","startDate":"2020-01-01","hoursPerWeek":35,"supervisedByCertifiedCaseManager":true} | id
            experience with an empty body | experience | | body
            """)
    void rejectsBadEvidenceAndWritesNothing(String scenario, String collection, String body, String field) {
        String id = Api.register();
        var request = staff().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body.replace("TOMORROW", SandboxClock.today().plusDays(1).toString()));
        }
        request.post("/candidates/{id}/" + collection, id).then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("violations.field", hasItem(field));
        assertThat(Database.rowsAbout(id)).as("rows written besides the registration").isEqualTo(1);
    }

    @Test
    void evidenceDatedTodayIsNotInTheFuture() {
        String id = Api.register();
        staff().contentType(ContentType.JSON).body("{\"employer\":\"E\",\"role\":\"CASE_MANAGER\",\"startDate\":\""
                + SandboxClock.today() + "\",\"hoursPerWeek\":80,\"supervisedByCertifiedCaseManager\":true}")
                .post("/candidates/{id}/experience", id).then().statusCode(201);
    }

    /** "Not in the future" is judged by the board clock, which the sandbox can move ahead of the wall clock. */
    @Test
    void dateConstraintsFollowTheBoardClock() {
        String id = Api.register();
        LocalDate before = SandboxClock.today();
        SandboxClock.advance(Duration.ofDays(3));
        staff().contentType(ContentType.JSON).body("{\"level\":\"MASTER\",\"field\":\"Nursing\",\"institution\":\"X\","
                + "\"awardedOn\":\"" + before.plusDays(2) + "\",\"supervisedFieldExperience\":true}")
                .post("/candidates/{id}/degrees", id).then().statusCode(201);
    }

    @Test
    void evidenceForAnUnknownCandidateIsNotFound() {
        UUID unknown = UUID.randomUUID();
        staff().contentType(ContentType.JSON).body("{\"type\":\"RN\",\"number\":\"1\",\"jurisdiction\":\"NY\","
                + "\"expiresOn\":\"2030-01-01\",\"independentPractice\":true}")
                .post("/candidates/{id}/licences", unknown).then().statusCode(404).contentType(PROBLEM);
        staff().contentType(ContentType.JSON).body("{\"level\":\"MASTER\",\"field\":\"Nursing\",\"institution\":\"X\","
                + "\"awardedOn\":\"2010-01-01\",\"supervisedFieldExperience\":true}")
                .post("/candidates/{id}/degrees", unknown).then().statusCode(404).contentType(PROBLEM);
        staff().contentType(ContentType.JSON).body("{\"employer\":\"E\",\"role\":\"CASE_MANAGER\","
                + "\"startDate\":\"2020-01-01\",\"hoursPerWeek\":35,\"supervisedByCertifiedCaseManager\":true}")
                .post("/candidates/{id}/experience", unknown).then().statusCode(404).contentType(PROBLEM);
        assertThat(Database.rowsAbout(unknown.toString())).isZero();
    }
}
