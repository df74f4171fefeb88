package org.certboard.candidate;

import static org.certboard.platform.testing.Requests.as;
import static org.certboard.platform.testing.Requests.staff;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestTokens;

import io.restassured.http.ContentType;

/** Builds candidate files through the public API, dated relative to the board clock. */
public final class Api {
    private Api() {
    }

    /** The candidate's ETag as staff read it (GET /candidates/{id}): what a contact change sends as If-Match. */
    public static String candidateETag(String candidateId) {
        return staff().get("/candidates/{id}", candidateId).then().statusCode(200).extract().header("ETag");
    }

    /** The application's ETag as staff read it (GET /applications/{id}): what a decision sends as If-Match. */
    public static String applicationETag(String applicationId) {
        return staff().get("/applications/{id}", applicationId).then().statusCode(200).extract().header("ETag");
    }

    /** A name change's ETag as staff read it (GET /name-changes/{id}): what its decision sends as If-Match. */
    public static String nameChangeETag(String nameChangeId) {
        return staff().get("/name-changes/{id}", nameChangeId).then().statusCode(200).extract().header("ETag");
    }

    public static String uniqueEmail() {
        return "c-" + UUID.randomUUID() + "@example.org";
    }

    /** A person: their token (role candidate, {@code email} verified), that address and their profile's id. */
    public record Person(String token, String email, String id) {
    }

    /** A person who registered themselves, with their account's verified address. */
    public static Person registerPerson() {
        String email = uniqueEmail();
        String token = TestTokens.candidate(UUID.randomUUID().toString(), email);
        return new Person(token, email, registerAs(token, email));
    }

    /** Registers the person holding {@code token} with {@code email} (which must be their verified address). */
    public static String registerAs(String token, String email) {
        return as(token).contentType(ContentType.JSON).body(Map.of("givenName", "Ada", "familyName", "Lovelace",
                "email", email, "dateOfBirth", "1985-12-10")).post("/candidates").then().statusCode(201).extract()
                .path("id");
    }

    public static String register(String email) {
        return staff().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Ada", "familyName", "Lovelace", "email", email, "dateOfBirth", "1985-12-10"))
                .post("/candidates").then().statusCode(201).extract().path("id");
    }

    public static String register() {
        return register(uniqueEmail());
    }

    public static void addLicence(String candidateId, String type, LocalDate expiresOn) {
        staff().contentType(ContentType.JSON).body(Map.of("type", type, "number", "L-" + UUID.randomUUID(),
                "jurisdiction", "NY", "expiresOn", expiresOn.toString(), "independentPractice", true))
                .post("/candidates/{id}/licences", candidateId).then().statusCode(201);
    }

    /** Full-time case management under a certified case manager, over {@code months} whole calendar months. */
    public static void addExperience(String candidateId, int months, boolean selfEmployed) {
        LocalDate end = SandboxClock.today().withDayOfMonth(1).minusDays(1);
        LocalDate start = end.plusDays(1).minusMonths(months);
        staff().contentType(ContentType.JSON).body(Map.of("employer", selfEmployed ? "Own practice" : "City Hospital",
                "role", "CASE_MANAGER", "startDate", start.toString(), "endDate", end.toString(),
                "hoursPerWeek", 35, "supervisedByCertifiedCaseManager", true, "selfEmployed", selfEmployed))
                .post("/candidates/{id}/experience", candidateId).then().statusCode(201);
    }

    /** A candidate whose file the rules approve on their own. */
    public static String eligibleCandidate() {
        String id = register();
        addLicence(id, "RN", SandboxClock.today().plusYears(2));
        addExperience(id, 13, false);
        return id;
    }

    public static io.restassured.response.ValidatableResponse submit(String candidateId) {
        return staff().contentType(ContentType.JSON).body("{\"attestation\":true}")
                .post("/candidates/{id}/application", candidateId).then();
    }

    /** Submits the candidate's application to a credential program, as staff. */
    public static io.restassured.response.ValidatableResponse submit(String candidateId, String program) {
        return staff().contentType(ContentType.JSON).body("{\"attestation\":true}")
                .post("/candidates/{id}/applications/{program}", candidateId, program).then();
    }
}
