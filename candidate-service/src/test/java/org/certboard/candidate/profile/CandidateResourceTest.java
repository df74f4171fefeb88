package org.certboard.candidate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.devstack.testing.LogCapture.statementsOf;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certboard.devstack.testing.TestDatabase;
import org.certboard.candidate.Api;
import org.certboard.candidate.Database;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.platform.outbox.OutboxRelay;
import org.certboard.platform.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class CandidateResourceTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String REGISTERED = "org.certboard.candidate.CandidateRegistered.v2";
    private static final String UPDATED = "org.certboard.candidate.CandidateUpdated.v2";

    @Test
    void registersAndReadsBackTheWholeProfile() {
        String email = Api.uniqueEmail();
        var created = staff().contentType(ContentType.JSON)
                .body("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"email\":\"" + email
                        + "\",\"dateOfBirth\":\"1980-12-09\"}")
                .post("/candidates").then().statusCode(201)
                .body("givenName", equalTo("Grace")).body("email", equalTo(email))
                .body("registeredAt", notNullValue()).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/candidates/" + id);

        staff().get("/candidates/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("familyName", equalTo("Hopper"))
                .body("dateOfBirth", equalTo("1980-12-09"))
                .body("licences", empty()).body("degrees", empty()).body("experience", empty())
                .body("application", nullValue());
        assertThat(Database.outboxEvents(id, REGISTERED)).isEqualTo(1);
    }

    /**
     * A registration is one statement (issue 25): the candidate and its event in the same transaction, and nothing
     * through a Hibernate session (which would have sent BEGIN, two inserts and COMMIT).
     */
    @Test
    void aRegistrationWritesTheCandidateAndItsEventAsOneStatement() {
        String email = Api.uniqueEmail();
        List<String> id = new ArrayList<>();
        List<String> sessionStatements = new ArrayList<>();

        // the relay is held off: marking the event published would give its row the relay's xmin
        TestDatabase.whileLocked(OutboxRelay.LEASE_KEY, () -> {
            sessionStatements.addAll(statementsOf(() -> id.add(staff().contentType(ContentType.JSON)
                    .body("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"email\":\"" + email
                            + "\",\"dateOfBirth\":\"1980-12-09\"}")
                    .post("/candidates").then().statusCode(201).extract().path("id"))));
            assertThat(TestDatabase.count("""
                    select count(*) from candidate c join outbox_event o on o.subject = c.id::text
                    where c.id = ?::uuid and o.type = ? and c.xmin = o.xmin and c.version = 0""", id.get(0),
                    REGISTERED)).isEqualTo(1);
        });

        // a consumer's poll may log meanwhile; the registration's own insert must not be among them
        assertThat(sessionStatements).noneMatch(sql -> sql.contains("insert into candidate"));
        assertThat(Api.candidateETag(id.get(0))).isEqualTo("\"0\"");
    }

    @Test
    void theSameEmailInAnyCaseIsAConflict() {
        String email = Api.uniqueEmail();
        Api.register(email);
        staff().contentType(ContentType.JSON)
                .body("{\"givenName\":\"B\",\"familyName\":\"C\",\"email\":\"" + email.toUpperCase()
                        + "\",\"dateOfBirth\":\"1990-01-01\"}")
                .post("/candidates").then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409)).body("title", equalTo("Email already registered"));
        assertThat(TestDatabase.count("select count(*) from candidate where lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing given name | {"familyName":"C","email":"EMAIL","dateOfBirth":"1990-01-01"} | givenName
            blank family name | {"givenName":"B","familyName":" ","email":"EMAIL","dateOfBirth":"1990-01-01"} | familyName
            malformed email | {"givenName":"B","familyName":"C","email":"not-an-email","dateOfBirth":"1990-01-01"} | email
            missing date of birth | {"givenName":"B","familyName":"C","email":"EMAIL"} | dateOfBirth
            date of birth in the future | {"givenName":"B","familyName":"C","email":"EMAIL","dateOfBirth":"2999-01-01"} | dateOfBirth
            date of birth not a date | {"givenName":"B","familyName":"C","email":"EMAIL","dateOfBirth":"yesterday"} | dateOfBirth
            client-chosen id | {"id":"6f1c2a70-0000-4000-8000-000000000000","givenName":"B","familyName":"C","email":"EMAIL","dateOfBirth":"1990-01-01"} | id
            not JSON | {"givenName": | body
            no body | | body
            """)
    void rejectsABadRegistrationAndWritesNothing(String scenario, String body, String field) {
        String email = Api.uniqueEmail();
        var request = staff().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body.replace("EMAIL", email));
        }
        request.post("/candidates").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("violations.field", hasItem(field));
        assertThat(TestDatabase.count("select count(*) from candidate where email = ? or email = 'not-an-email'", email))
                .isZero();
    }

    @Test
    void searchesByEmailAndNameInPages() {
        String family = "Searchable" + UUID.randomUUID().toString().substring(0, 8);
        String email = Api.uniqueEmail();
        for (int i = 0; i < 3; i++) {
            staff().contentType(ContentType.JSON).body("{\"givenName\":\"Person" + i + "\",\"familyName\":\"" + family
                    + "\",\"email\":\"" + (i == 0 ? email : Api.uniqueEmail()) + "\",\"dateOfBirth\":\"1990-01-01\"}")
                    .post("/candidates").then().statusCode(201);
        }

        staff().queryParam("name", family.toLowerCase()).queryParam("size", 2).get("/candidates").then()
                .statusCode(200).body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items", hasSize(2)).body("items[0].givenName", equalTo("Person0"));
        staff().queryParam("name", "person2 " + family).get("/candidates").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].givenName", equalTo("Person2"));
        staff().queryParam("name", family).queryParam("page", 1).queryParam("size", 2).get("/candidates").then()
                .statusCode(200).body("items", hasSize(1));
        staff().queryParam("email", email.toUpperCase()).get("/candidates").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].email", equalTo(email));
        staff().queryParam("name", "100%_" + family).get("/candidates").then().statusCode(200)
                .body("total", equalTo(0));
        staff().queryParam("size", 1).get("/candidates").then().statusCode(200)
                .body("items", hasSize(1)).body("total", greaterThanOrEqualTo(3));
        staff().queryParam("size", 101).get("/candidates").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("size"));
    }

    @Test
    void anUnknownCandidateIsNotFound() {
        staff().get("/candidates/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        // a malformed id is the caller's error, named (the platform's StrictParameters), not a missing resource
        staff().get("/candidates/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("id"));
        staff().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"givenName\":\"X\"}")
                .patch("/candidates/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aMergePatchChangesContactFieldsAndAnnouncesOnlyRealChanges() {
        String id = Api.register();
        String newEmail = Api.uniqueEmail();
        staff().contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                .body("{\"familyName\":\"Byron\",\"email\":\"" + newEmail + "\"}")
                .patch("/candidates/{id}", id).then().statusCode(200)
                .body("givenName", equalTo("Ada")).body("familyName", equalTo("Byron"))
                .body("email", equalTo(newEmail)).body("dateOfBirth", equalTo("1985-12-10"));
        assertThat(Database.outboxEvents(id, UPDATED)).isEqualTo(1);

        String tag = Api.candidateETag(id);
        staff().contentType(ContentType.JSON).header("If-Match", tag).body("{\"familyName\":\"Byron\"}")
                .patch("/candidates/{id}", id).then().statusCode(200).body("familyName", equalTo("Byron"))
                .header("ETag", equalTo(tag));
        staff().contentType("application/merge-patch+json").header("If-Match", tag).body("{}")
                .patch("/candidates/{id}", id).then().statusCode(200).header("ETag", equalTo(tag));
        assertThat(Database.outboxEvents(id, UPDATED)).as("no event without a change").isEqualTo(1);
        staff().get("/candidates/{id}", id).then().body("familyName", equalTo("Byron"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            date of birth is not a contact field | {"dateOfBirth":"1970-01-01"} | dateOfBirth
            ids cannot be assigned | {"id":"6f1c2a70-0000-4000-8000-000000000000"} | id
            a contact field cannot be removed | {"email":null} | email
            malformed email | {"email":"nope"} | email
            blank name | {"givenName":""} | givenName
            not a string | {"familyName":42} | familyName
            not an object | ["givenName"] | body
            not JSON | {"givenName": | body
            """)
    void rejectsABadPatchAndChangesNothing(String scenario, String body, String field) {
        String id = Api.register();
        staff().contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id)).body(body)
                .patch("/candidates/{id}", id).then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(field));
        staff().get("/candidates/{id}", id).then().body("familyName", equalTo("Lovelace"))
                .body("dateOfBirth", equalTo("1985-12-10")).body("id", equalTo(id));
        assertThat(Database.outboxEvents(id, UPDATED)).isZero();
    }

    @Test
    void patchingToAnotherCandidatesEmailIsAConflict() {
        String taken = Api.uniqueEmail();
        Api.register(taken);
        String id = Api.register();
        staff().contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                .body("{\"email\":\"" + taken.toUpperCase() + "\"}").patch("/candidates/{id}", id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("one profile per person"));
        assertThat(Database.outboxEvents(id, UPDATED)).isZero();

        staff().contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                .body("{\"email\":\"" + taken + "\"}").patch("/candidates/{id}", id).then().statusCode(409);
    }

    /** If-Match on a contact change: required (428), refused when stale (412, nothing written), answered with the new tag. */
    @Test
    void aContactChangeMustNameTheCandidateAsLastRead() {
        Api.Person person = Api.registerPerson();
        String token = person.token();
        String id = person.id();
        String read = Api.candidateETag(id);
        assertThat(read).matches("\"\\d+\"");
        Requests.as(token).get("/candidates/me").then().statusCode(200).header("ETag", equalTo(read));

        staff().contentType("application/merge-patch+json").body("{\"familyName\":\"Byron\"}")
                .patch("/candidates/{id}", id).then().statusCode(428).contentType(PROBLEM)
                .body("type", endsWith("/precondition-required"));
        assertThat(Database.outboxEvents(id, UPDATED)).isZero();

        String changed = staff().contentType("application/merge-patch+json").header("If-Match", read)
                .body("{\"familyName\":\"Byron\"}").patch("/candidates/{id}", id).then().statusCode(200)
                .body("familyName", equalTo("Byron")).extract().header("ETag");
        assertThat(changed).isNotEqualTo(read).isEqualTo(Api.candidateETag(id));

        // a second editor still holding the first read: refused, told the tag now, and nothing is overwritten
        Requests.as(token).contentType("application/merge-patch+json").header("If-Match", read)
                .body("{\"familyName\":\"Gordon\"}").patch("/candidates/{id}", id).then().statusCode(412)
                .contentType(PROBLEM).body("type", endsWith("/precondition-failed"))
                .body("currentETag", equalTo(changed));
        staff().get("/candidates/{id}", id).then().body("familyName", equalTo("Byron")).header("ETag", equalTo(changed));
        assertThat(Database.outboxEvents(id, UPDATED)).isEqualTo(1);
    }
}
