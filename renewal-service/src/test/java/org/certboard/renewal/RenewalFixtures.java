package org.certboard.renewal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.testing.Requests;
import org.certboard.renewal.recertification.AuditSampling;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Drives the service the way the rest of the board does: events onto the real broker, requests over HTTP, and the
 * sandbox clock ({@link SandboxClock}). Dates are relative to the board clock, which only moves forward and is shared by all test classes.
 */
public final class RenewalFixtures {
    /** As configured by default: tests pick candidates whose renewal is, or is not, sampled for audit. */
    public static final AuditSampling AUDIT = new AuditSampling(0.10);

    private final String bootstrapServers;

    /** A request by board staff (the functional tests' one staff member, shared by the three services). */
    public static RequestSpecification staff() {
        return Requests.staff();
    }

    /** A request by operations (replays). */
    public static RequestSpecification admin() {
        return Requests.admin();
    }

    public RenewalFixtures(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A request by a new caller holding {@code roles}: the one place these tests authenticate. */
    public static RequestSpecification as(String... roles) {
        return RestAssured.given().auth().oauth2(TestTokens.forNewSubject(roles));
    }

    public static LocalDate today() {
        return SandboxClock.today();
    }

    /**
     * Moves the sandbox clock by an ISO-8601 duration ({@code PT1S}) or period ({@code P5Y2D}); a period is counted
     * from the clock's current date, so years and months keep their calendar length.
     */
    public static void advance(String by) {
        if (by.contains("T")) {
            SandboxClock.advance(Duration.parse(by));
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(SandboxClock.now(), ZoneOffset.UTC);
        SandboxClock.advance(Duration.between(now, now.plus(Period.parse(by))));
    }

    /** A candidate whose renewal of the cycle starting on {@code cycleStart} is (or is not) audited. */
    public static UUID candidate(boolean audited, LocalDate cycleStart) {
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (AUDIT.selects(candidate, cycleStart) == audited) {
                return candidate;
            }
        }
    }

    public static UUID candidate(LocalDate cycleStart) {
        return candidate(false, cycleStart);
    }

    public void send(EventPayload payload) {
        send(payload, UUID.randomUUID());
    }

    public void send(EventPayload payload, UUID eventId) {
        EventType type = EventType.of(payload);
        TopicProbe.send(bootstrapServers, type.topic(), payload.candidateId().toString(), EventCodec.toJson(payload),
                Map.of("ce_id", eventId.toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                        "ce_subject", payload.candidateId().toString(), "ce_time", Instant.now().toString(),
                        "ce_specversion", "1.0"));
    }

    public ExamPassed pass(UUID candidate, LocalDate examDate) {
        return pass(candidate, examDate, "CCM");
    }

    /** A pass of {@code program}'s exam, as exam-service publishes it. */
    public ExamPassed pass(UUID candidate, LocalDate examDate, String program) {
        ExamPassed passed = new ExamPassed(candidate, UUID.randomUUID(), examDate, 720, null, program);
        send(passed);
        return passed;
    }

    /**
     * Passes {@code program}'s exam on {@code examDate} and returns the number of the certification of that program
     * it issues (the person may hold others).
     */
    public String certify(UUID candidate, LocalDate examDate, String program) {
        pass(candidate, examDate, program);
        String path = "items.find { it.program == '" + program + "' }.number";
        return awaitCertifications(candidate, list -> list.getString(path) != null).getString(path);
    }

    /** Passes the exam on {@code examDate} and returns the number of the certification that it issues. */
    public String certify(UUID candidate, LocalDate examDate) {
        pass(candidate, examDate);
        return awaitCertifications(candidate, list -> list.getInt("total") == 1).getString("items[0].number");
    }

    public void register(UUID candidate, String given, String family) {
        send(new CandidateRegistered(candidate, "subject-" + candidate, given, family, Instant.now()));
    }

    public static JsonPath awaitCertifications(UUID candidate, Predicate<JsonPath> until) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> until.test(certifications(candidate)));
        return certifications(candidate);
    }

    private static JsonPath certifications(UUID candidate) {
        return staff().queryParam("candidateId", candidate.toString()).get("/certifications").then()
                .statusCode(200).extract().jsonPath();
    }

    public static JsonPath certification(String number) {
        return staff().get("/certifications/{number}", number).then().statusCode(200).extract().jsonPath();
    }

    public static void credit(String number, double hours, boolean ethics, LocalDate completedOn) {
        staff().contentType(ContentType.JSON)
                .body(Map.of("title", "Care coordination", "provider", "CMSA", "hours", hours, "ethics", ethics,
                        "completedOn", completedOn.toString()))
                .post("/certifications/{number}/ce-credits", number).then().statusCode(201);
    }

    /** A credit counting toward {@code categories} of the certification's program. */
    public static void credit(String number, double hours, java.util.List<String> categories, LocalDate completedOn) {
        staff().contentType(ContentType.JSON)
                .body(Map.of("title", "Care coordination", "provider", "CMSA", "hours", hours, "categories",
                        categories, "completedOn", completedOn.toString()))
                .post("/certifications/{number}/ce-credits", number).then().statusCode(201);
    }

    /** 80 hours, 8 of them ethics, completed on {@code on}. */
    public static void fullCe(String number, LocalDate on) {
        credit(number, 40, false, on);
        credit(number, 32, false, on);
        credit(number, 8, true, on);
    }
}
