package org.certboard.candidate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.candidate.Api;
import org.certboard.candidate.Database;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.platform.testing.Requests;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Legal names change through the board: before a decision a person renames themselves; after it their change is a
 * request staff decide (If-Match, actor recorded, events, timeline), and until accepted the name stays. Staff
 * corrections apply at once and are recorded.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class NameChangeTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String UPDATED = "org.certboard.candidate.CandidateUpdated.v2";
    private static final String REQUESTED = "org.certboard.candidate.NameChangeRequested.v1";
    private static final String DECIDED = "org.certboard.candidate.NameChangeDecided.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void beforeADecisionThePersonRenamesThemselves() {
        Api.Person person = Api.registerPerson();
        patchName(person.token(), person.id(), "Byron").then().statusCode(200).body("familyName", equalTo("Byron"))
                .body("nameFixedSince", org.hamcrest.Matchers.nullValue());
        assertThat(Database.outboxEvents(person.id(), UPDATED)).isEqualTo(1);
    }

    @Test
    void afterADecisionARenameWaitsForStaffWhoAcceptIt() {
        Api.Person person = approved();
        patchName(person.token(), person.id(), "King").then().statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/name-change-needs-a-request"))
                .body("nameChanges", equalTo("/candidates/" + person.id() + "/name-changes"));
        staff().get("/candidates/{id}", person.id()).then().body("familyName", equalTo("Lovelace"));
        assertThat(Database.outboxEvents(person.id(), UPDATED)).isZero();

        var filed = request(person, "King").then().statusCode(201).body("status", equalTo("PENDING"))
                .body("givenName", equalTo("Ada")).body("familyName", equalTo("King"))
                .body("previousFamilyName", equalTo("Lovelace")).body("documentReference", equalTo("MC-1835"))
                .body("requestedBy.role", equalTo("candidate")).extract();
        String request = filed.path("id");
        assertThat(filed.header("Location")).endsWith("/name-changes/" + request);
        // until staff decide, the profile keeps the legal name; a second request waits for the first
        staff().get("/candidates/{id}", person.id()).then().body("familyName", equalTo("Lovelace"));
        request(person, "Byron").then().statusCode(409).body("title", equalTo("Name change already pending"));
        assertThat(Database.outboxEvents(person.id(), REQUESTED)).isEqualTo(1);
        assertThat(staff().queryParam("size", 100).get("/name-changes").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(request);

        String tag = Api.nameChangeETag(request);
        decide(request, null, "ACCEPT").then().statusCode(428);
        decide(request, "\"999\"", "ACCEPT").then().statusCode(412).body("currentETag", equalTo(tag));
        decide(request, tag, "ACCEPT").then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("decidedBy.role", equalTo("staff")).body("decidedBy.subject", notNullValue())
                .body("decisionNote", equalTo("certificate seen"));
        Requests.as(person.token()).get("/candidates/me").then().body("familyName", equalTo("King"));
        assertThat(Database.outboxEvents(person.id(), UPDATED)).isEqualTo(1);
        assertThat(Database.outboxEvents(person.id(), DECIDED)).isEqualTo(1);
        decide(request, Api.nameChangeETag(request), "REJECT").then().statusCode(409)
                .body("title", equalTo("Name change not pending"));

        await().atMost(Duration.ofSeconds(30)).until(() -> steps(person.id()).containsAll(
                List.of("NAME_CHANGE_REQUESTED", "NAME_CHANGE_DECIDED", "NAME_CHANGED")));
        JsonPath timeline = staff().get("/candidates/{id}/timeline", person.id()).then().extract().jsonPath();
        assertThat(timeline.getString("items.find { it.step == 'NAME_CHANGE_REQUESTED' }.actor.role"))
                .isEqualTo("candidate");
        assertThat(timeline.getString("items.find { it.step == 'NAME_CHANGE_DECIDED' }.actor.role"))
                .isEqualTo("staff");
        assertThat(timeline.getBoolean("items.find { it.step == 'NAME_CHANGE_DECIDED' }.detail.accepted")).isTrue();
    }

    @Test
    void aRejectedRequestLeavesTheNameAsItWas() {
        Api.Person person = approved();
        String request = request(person, "King").then().statusCode(201).extract().path("id");
        decide(request, Api.nameChangeETag(request), "REJECT").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        staff().get("/candidates/{id}", person.id()).then().body("familyName", equalTo("Lovelace"));
        Requests.as(person.token()).get("/candidates/{id}/name-changes", person.id()).then().statusCode(200)
                .body("items[0].status", equalTo("REJECTED"));
        assertThat(Database.outboxEvents(person.id(), UPDATED)).isZero();
        assertThat(Database.outboxEvents(person.id(), DECIDED)).isEqualTo(1);
    }

    @Test
    void staffCorrectANameAtOnceAndItIsRecorded() {
        Api.Person person = approved();
        patchName(Requests.staffToken(), person.id(), "Lovelace-King").then().statusCode(200)
                .body("familyName", equalTo("Lovelace-King"));
        staff().get("/candidates/{id}/name-changes", person.id()).then().statusCode(200)
                .body("items[0].status", equalTo("ACCEPTED")).body("items[0].correction", equalTo(true))
                .body("items[0].previousFamilyName", equalTo("Lovelace"))
                .body("items[0].decidedBy.role", equalTo("staff"));
        assertThat(Database.outboxEvents(person.id(), UPDATED)).isEqualTo(1);
        assertThat(Database.outboxEvents(person.id(), DECIDED)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no reason | {"givenName":"Ada","familyName":"King"} | reason | 400
            blank family name | {"givenName":"Ada","familyName":" ","reason":"marriage"} | familyName | 400
            an unknown field | {"givenName":"Ada","familyName":"King","reason":"marriage","status":"ACCEPTED"} | status | 400
            the current name | {"givenName":"Ada","familyName":"Lovelace","reason":"marriage"} | | 422
            """)
    void aBadRequestIsRefusedAndWritesNothing(String scenario, String body, String field, int status) {
        Api.Person person = approved();
        var answer = Requests.as(person.token()).contentType(ContentType.JSON).body(body)
                .post("/candidates/{id}/name-changes", person.id()).then().statusCode(status).contentType(PROBLEM);
        if (field != null) {
            answer.body("violations.field", hasItem(field));
        }
        assertThat(Database.outboxEvents(person.id(), REQUESTED)).isZero();
        Requests.as(person.token()).get("/candidates/{id}/name-changes", person.id()).then().body("total", equalTo(0));
    }

    /**
     * A certificate carries the name: the board relies on it from the issue on, learned from renewal-service's event
     * (here for a person whose file this service never decided, as after an import from another system).
     */
    @Test
    void aCertificationIssuedFixesTheName() {
        Api.Person person = Api.registerPerson();
        staff().get("/candidates/{id}", person.id()).then().body("nameFixedSince", org.hamcrest.Matchers.nullValue());
        CertificationIssued issued = new CertificationIssued(UUID.fromString(person.id()), "CCM-2026-009999",
                SandboxClock.today(), SandboxClock.today(), SandboxClock.today().plusYears(5));
        EventType type = EventType.of(issued);
        TopicProbe.send(bootstrapServers, type.topic(), person.id(), EventCodec.toJson(issued), Map.of("ce_id",
                UUID.randomUUID().toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                "ce_subject", person.id(), "ce_time", SandboxClock.now().toString(), "ce_specversion", "1.0"));

        await().atMost(Duration.ofSeconds(30)).until(() -> staff().get("/candidates/{id}", person.id()).then()
                .extract().path("nameFixedSince") != null);
        patchName(person.token(), person.id(), "King").then().statusCode(422);
    }

    /** A person approved by the rules: the board now relies on their legal name. */
    private static Api.Person approved() {
        Api.Person person = Api.registerPerson();
        Api.addLicence(person.id(), "RN", SandboxClock.today().plusYears(2));
        Api.addExperience(person.id(), 13, false);
        Api.submit(person.id()).statusCode(201).body("status", equalTo("APPROVED"));
        return person;
    }

    private static io.restassured.response.Response patchName(String token, String id, String familyName) {
        return Requests.as(token).contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                .body(Map.of("familyName", familyName)).patch("/candidates/{id}", id);
    }

    private static io.restassured.response.Response request(Api.Person person, String familyName) {
        return Requests.as(person.token()).contentType(ContentType.JSON).body(Map.of("givenName", "Ada", "familyName",
                familyName, "reason", "marriage", "documentReference", "MC-1835"))
                .post("/candidates/{id}/name-changes", person.id());
    }

    private static io.restassured.response.Response decide(String request, String ifMatch, String decision) {
        var call = staff().contentType(ContentType.JSON).body(Map.of("decision", decision, "note", "certificate seen"));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.post("/name-changes/{id}/decision", request);
    }

    private static List<String> steps(String candidateId) {
        return staff().get("/candidates/{id}/timeline", candidateId).then().extract().jsonPath()
                .getList("items.step", String.class);
    }
}
