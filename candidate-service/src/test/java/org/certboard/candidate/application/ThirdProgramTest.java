package org.certboard.candidate.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.EligibilityDecided;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A program defined by configuration alone (docs/programs.md), here only in this test's profile: its own pathway
 * numbers and authorisation period decide its applications, through the API, the event on the topic and the
 * timeline, while CCM decides the same file by CCM's numbers.
 */
@QuarkusTest
@TestProfile(ThirdProgramTest.WithTpx.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class ThirdProgramTest {
    private static final String NAME = "Test Program X (TPX)";

    /** TPX: six months under any supervisor suffice, and an approval authorises for six months. */
    public static class WithTpx implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.programs.TPX.name", NAME,
                    "certboard.programs.TPX.eligibility.any-supervisor-months", "6",
                    "certboard.programs.TPX.eligibility.authorisation-period", "P6M");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void sevenMonthsOfExperienceAreEnoughForTpxAndNotForCcm() {
        String candidate = Api.register();
        Api.addLicence(candidate, "RN", SandboxClock.today().plusYears(2));
        Api.addExperience(candidate, 7, false);

        Api.submit(candidate).statusCode(201).body("program", equalTo("CCM")).body("status", equalTo("DENIED"));
        String application = Api.submit(candidate, "TPX").statusCode(201)
                .body("program", equalTo("TPX"))
                .body("status", equalTo("APPROVED"))
                .body("pathway", equalTo("LICENCE_ANY_SUPERVISOR_24_MONTHS"))
                .body("authorisedUntil", equalTo(SandboxClock.today().plusMonths(6).toString()))
                .body("checks.find { it.rule == 'EXPERIENCE_ANY_SUPERVISOR_24_MONTHS' }.detail",
                        containsString("(6 required)"))
                .extract().path("id");
        Api.submit(candidate, "TPX").statusCode(409);
        staff().get("/candidates/{id}/applications/{program}", candidate, "TPX").then().statusCode(200)
                .body("id", equalTo(application));

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            EligibilityDecided decided = probe.await(r -> candidate.equals(r.key())
                    && EventType.ELIGIBILITY_DECIDED.type().equals(r.header("ce_type"))
                    && r.value().contains(application), 1, Duration.ofSeconds(30)).stream()
                    .map(r -> EventCodec.<EligibilityDecided>read(EventType.ELIGIBILITY_DECIDED, r.value()))
                    .findFirst().orElseThrow();
            assertThat(decided.program()).isEqualTo("TPX");
            assertThat(decided.status()).isEqualTo("APPROVED");
            assertThat(decided.pathway()).isEqualTo("LICENCE_ANY_SUPERVISOR_24_MONTHS");
            assertThat(decided.authorisedUntil()).isEqualTo(SandboxClock.today().plusMonths(6));
        }

        // the timeline, fed by the same topic, names the credential
        JsonPath timeline = await().atMost(Duration.ofSeconds(30)).until(() -> staff()
                .get("/candidates/{id}/timeline", candidate).then().statusCode(200).extract().jsonPath(),
                read -> read.getList("items.findAll { it.step == 'DECIDED' }").size() == 2);
        assertThat(timeline.getString("items.find { it.detail.applicationId == '" + application
                + "' }.detail.credential")).isEqualTo(NAME);
        assertThat(timeline.getString("items.find { it.detail.applicationId == '" + application
                + "' }.detail.program")).isEqualTo("TPX");
    }
}
