package org.certboard.candidate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.UnusualValues;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the API accepts, every consumer accepts: each unusual but valid registration, contact change and licence is
 * accepted (201/200) and its outbox payload is valid against the schema consumers check (the outbox refuses any
 * other, so a disagreement would be a 500 here, never a dead letter downstream).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class UnusualValuesTest {

    @Test
    void unusualButValidPeopleAreAcceptedAndAnnouncedInPayloadsEveryConsumerAccepts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (UnusualValues.Person person : UnusualValues.people(tag)) {
            String id = staff().contentType(ContentType.JSON).body(Map.of("givenName", person.givenName(),
                    "familyName", person.familyName(), "email", person.email(), "dateOfBirth", "1900-01-01"))
                    .post("/candidates").then().statusCode(201).body("email", equalTo(person.email())).extract()
                    .path("id");
            staff().contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                    .body(Map.of("givenName", "Ĳsbrand O'Neil")).patch("/candidates/{id}", id).then().statusCode(200);
            staff().contentType(ContentType.JSON).body(Map.of("type", "LCSW", "number", "Ø-" + tag,
                    "jurisdiction", "Québec", "expiresOn", UnusualValues.LAST_DATE.toString(),
                    "independentPractice", true))
                    .post("/candidates/{id}/licences", id).then().statusCode(201);

            for (EventType type : new EventType[] { EventType.CANDIDATE_REGISTERED, EventType.CANDIDATE_UPDATED,
                    EventType.LICENCE_RECORDED }) {
                String payload = TestDatabase.text("select payload from outbox_event where event_key = ? and type = ?",
                        id, type.type());
                assertThat(EventCodec.validate(type, payload)).as(type + " of " + person).isEmpty();
            }
        }
    }

    @Test
    void aLicenceBasedApprovalNamesTheLicenceTypeItRestsOn() {
        String id = Api.eligibleCandidate();
        Api.submit(id).statusCode(201).body("status", equalTo("APPROVED"));
        String payload = TestDatabase.text("select payload from outbox_event where event_key = ? and type = ?", id,
                EventType.ELIGIBILITY_DECIDED.type());
        assertThat(EventCodec.validate(EventType.ELIGIBILITY_DECIDED, payload)).isEmpty();
        assertThat(payload).contains("\"licenceType\":\"RN\"");
    }
}
