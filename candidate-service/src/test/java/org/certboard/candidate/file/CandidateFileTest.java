package org.certboard.candidate.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.as;
import static org.certboard.platform.testing.Requests.staff;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The file is read through the SQL client, each part straight into its view; every other endpoint reads the same
 * records through Hibernate. Each part of the file must be exactly what its own endpoint shows.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class CandidateFileTest {

    @Test
    void eachPartOfTheFileIsWhatItsOwnEndpointShows() {
        Api.Person person = Api.registerPerson();
        String id = person.id();
        LocalDate today = SandboxClock.today();
        Map<String, Object> licence = created(Map.of("type", "RN", "number", "RN-77", "jurisdiction", "NY",
                "expiresOn", today.plusYears(2).toString(), "independentPractice", true), "licences", id);
        Map<String, Object> degree = created(Map.of("level", "MASTER", "field", "Social Work", "institution",
                "Columbia", "awardedOn", today.minusYears(6).toString(), "supervisedFieldExperience", true),
                "degrees", id);
        Map<String, Object> ongoing = created(Map.of("employer", "Clinic", "role", "SUPERVISOR", "startDate",
                today.minusYears(1).toString(), "hoursPerWeek", 17.5, "supervisedByCertifiedCaseManager", false),
                "experience", id);
        Map<String, Object> ended = created(Map.of("employer", "City Hospital", "role", "CASE_MANAGER", "startDate",
                today.minusYears(3).toString(), "endDate", today.minusYears(1).minusDays(1).toString(),
                "hoursPerWeek", 35.25, "supervisedByCertifiedCaseManager", true, "selfEmployed", false),
                "experience", id);
        String ccm = Api.submit(id).statusCode(201).extract().path("id");
        String acm = Api.submit(id, "ACM").statusCode(201).extract().path("id");

        ExtractableResponse<Response> read = staff().get("/candidates/{id}", id).then().statusCode(200).extract();
        Map<String, Object> file = read.jsonPath().getMap("");
        assertThat(file.get("licences")).isEqualTo(List.of(licence));
        assertThat(file.get("degrees")).isEqualTo(List.of(degree));
        assertThat(file.get("experience")).as("by start date").isEqualTo(List.of(ended, ongoing));
        Map<String, Object> acmApplication = staff().get("/applications/{id}", acm).then().statusCode(200).extract()
                .jsonPath().getMap("");
        Map<String, Object> ccmApplication = staff().get("/applications/{id}", ccm).then().statusCode(200).extract()
                .jsonPath().getMap("");
        assertThat(file.get("applications")).as("by program").isEqualTo(List.of(acmApplication, ccmApplication));
        assertThat(file.get("application")).isEqualTo(ccmApplication);

        Map<String, Object> profile = new HashMap<>(file);
        List.of("licences", "degrees", "experience", "applications", "application").forEach(profile::remove);
        Map<String, Object> found = new HashMap<>(staff().queryParam("email", person.email()).get("/candidates")
                .then().statusCode(200).extract().jsonPath().getMap("items[0]"));
        assertThat(found.remove("registeredBy")).as("a person registered themselves").isNull();
        assertThat(profile).isEqualTo(found).containsEntry("emailVerified", true);

        assertThat(as(person.token()).get("/candidates/me").then().statusCode(200).extract().jsonPath().getMap(""))
                .isEqualTo(file);
        // the ETag names the version read: a contact change sent with it passes, and the next read names the next one
        String etag = read.header("ETag");
        staff().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"familyName\":\"Renamed\"}").patch("/candidates/{id}", id).then().statusCode(200);
        assertThat(Api.candidateETag(id)).isNotEqualTo(etag);
    }

    private static Map<String, Object> created(Map<String, Object> body, String part, String id) {
        return staff().contentType(ContentType.JSON).body(body).post("/candidates/{id}/" + part, id).then()
                .statusCode(201).extract().jsonPath().getMap("");
    }
}
