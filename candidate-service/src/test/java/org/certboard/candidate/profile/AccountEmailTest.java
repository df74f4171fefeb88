package org.certboard.candidate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.candidate.Api;
import org.certboard.candidate.Database;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.security.Roles;
import org.certboard.platform.testing.Requests;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An account's email is its own: a person registers with the address their provider verified (and no other), a paper
 * applicant's profile is claimed by the account that verified its address, the address follows the account, and no
 * answer to a person tells whether someone else's address is registered.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class AccountEmailTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String CLAIMED = "org.certboard.candidate.CandidateClaimed.v1";

    @Test
    void squattingAnotherAddressIsRefusedAndItsOwnerStillRegisters() {
        String owners = Api.uniqueEmail();
        String squatter = TestTokens.candidate(UUID.randomUUID().toString(), Api.uniqueEmail());
        register(squatter, owners).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("email"))
                .body("detail", not(org.hamcrest.Matchers.containsString(owners)));
        assertThat(count("select count(*) from candidate where lower(email) = lower(?)", owners)).isZero();

        String owner = TestTokens.candidate(UUID.randomUUID().toString(), owners);
        // the same address in another letter case is the same address; the profile keeps the verified spelling
        register(owner, owners.toUpperCase()).then().statusCode(201).body("email", equalTo(owners))
                .body("emailVerified", equalTo(true));
        // a second profile for the same account
        register(owner, owners).then().statusCode(409).contentType(PROBLEM)
                .body("title", equalTo("Already registered"));
    }

    @Test
    void anAccountWithoutAVerifiedAddressCannotRegister() {
        String email = Api.uniqueEmail();
        String unverified = TestTokens.withEmail(UUID.randomUUID().toString(), email, false, Roles.CANDIDATE);
        register(unverified, email).then().statusCode(403).contentType(PROBLEM)
                .body("title", equalTo("Email not verified"));
        register(TestTokens.forNewSubject(Roles.CANDIDATE), email).then().statusCode(403);
        assertThat(count("select count(*) from candidate where lower(email) = lower(?)", email)).isZero();
    }

    /** Before the rule anyone could type any address: such a profile no longer blocks the address's owner. */
    @Test
    void anAddressTypedBeforeTheRuleYieldsToItsOwnerAndFollowsItsOwnAccount() {
        String owners = Api.uniqueEmail();
        String squatterSubject = UUID.randomUUID().toString();
        String squatterOwn = Api.uniqueEmail();
        UUID legacy = UUID.randomUUID();
        // as migration V7 leaves such a profile: bound, its address unconfirmed
        TestDatabase.value("insert into candidate (id, given_name, family_name, email, date_of_birth, registered_at,"
                + " updated_at, subject) values (?::uuid, 'Sam', 'Squatter', ?, '1980-01-01', now(), now(), ?)"
                + " returning id", legacy.toString(), owners, squatterSubject);

        String owner = TestTokens.candidate(UUID.randomUUID().toString(), owners);
        String ownerId = register(owner, owners).then().statusCode(201).extract().path("id");
        assertThat(ownerId).isNotEqualTo(legacy.toString());

        // the squatter's next request: their profile takes their own account's verified address
        String squatter = TestTokens.candidate(squatterSubject, squatterOwn);
        Requests.as(squatter).get("/candidates/me").then().statusCode(200).body("id", equalTo(legacy.toString()))
                .body("email", equalTo(squatterOwn)).body("emailVerified", equalTo(true));
        assertThat(count("select count(*) from candidate where lower(email) = lower(?)", owners)).isEqualTo(1);
    }

    @Test
    void aVerifiedAccountClaimsThePaperProfileStaffRegisteredWithItsAddress() {
        String email = Api.uniqueEmail();
        String paper = Api.register(email);
        String subject = UUID.randomUUID().toString();
        String person = TestTokens.candidate(subject, email);

        Response claimed = register(person, email);
        claimed.then().statusCode(200).body("id", equalTo(paper)).body("claimedAt", notNullValue())
                .body("emailVerified", equalTo(true)).body("registeredBy.role", equalTo("staff"));
        assertThat(claimed.header("Location")).endsWith("/candidates/" + paper);
        Requests.as(person).get("/candidates/me").then().statusCode(200).body("id", equalTo(paper));
        assertThat(Database.outboxEvents(paper, CLAIMED)).isEqualTo(1);
        assertThat(count("select count(*) from candidate where lower(email) = lower(?)", email)).isEqualTo(1);

        // recorded and visible to staff: the identity review and the timeline
        assertThat(findings(paper)).contains("PROFILE_CLAIMED");
        await().atMost(Duration.ofSeconds(30)).until(() -> staff().get("/candidates/{id}/timeline", paper).then()
                .extract().jsonPath().getList("items.step", String.class).contains("CLAIMED"));
        // claimed once: the account now has its profile
        register(person, email).then().statusCode(409).body("title", equalTo("Already registered"));
    }

    /** The provider verified one address for two accounts: the second is refused in words that name nobody. */
    @Test
    void aDuplicateVerifiedAddressIsRefusedWithoutSayingWhoHasIt() {
        String email = Api.uniqueEmail();
        register(TestTokens.candidate(UUID.randomUUID().toString(), email), email).then().statusCode(201);
        String detail = register(TestTokens.candidate(UUID.randomUUID().toString(), email), email).then()
                .statusCode(409).contentType(PROBLEM).body("title", equalTo("Email not available")).extract()
                .path("detail");
        assertThat(detail).doesNotContain(email).doesNotContain("registered");
    }

    @Test
    void theAddressFollowsTheAccountAndIsNotChangedByHand() {
        String subject = UUID.randomUUID().toString();
        String first = Api.uniqueEmail();
        String id = register(TestTokens.candidate(subject, first), first).then().statusCode(201).extract().path("id");
        String second = Api.uniqueEmail();
        String changedAccount = TestTokens.candidate(subject, second);

        Requests.as(changedAccount).get("/candidates/{id}", id).then().statusCode(200).body("email", equalTo(second));
        staff().get("/candidates/{id}", id).then().body("email", equalTo(second));

        String other = Api.uniqueEmail();
        Requests.as(changedAccount).contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                .body("{\"email\":\"" + other + "\"}").patch("/candidates/{id}", id).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("email"));
        staff().contentType("application/merge-patch+json").header("If-Match", Api.candidateETag(id))
                .body("{\"email\":\"" + other + "\"}").patch("/candidates/{id}", id).then().statusCode(409)
                .body("title", equalTo("Email follows the account"));
        staff().get("/candidates/{id}", id).then().body("email", equalTo(second));
    }

    /** The account's new address is another profile's: uniqueness stands, and staff are told. */
    @Test
    void anAddressHeldByAnotherProfileIsNotTakenAndStaffSeeIt() {
        String paperEmail = Api.uniqueEmail();
        Api.register(paperEmail);
        String subject = UUID.randomUUID().toString();
        String own = Api.uniqueEmail();
        String id = register(TestTokens.candidate(subject, own), own).then().statusCode(201).extract().path("id");

        Requests.as(TestTokens.candidate(subject, paperEmail)).get("/candidates/me").then().statusCode(200)
                .body("email", equalTo(own)).body("emailVerified", equalTo(false));
        assertThat(findings(id)).contains("EMAIL_NOT_CONFIRMED");
        // back to an address of its own: confirmed, and the finding is gone
        Requests.as(TestTokens.candidate(subject, own)).get("/candidates/me").then().statusCode(200)
                .body("emailVerified", equalTo(true));
        assertThat(findings(id)).doesNotContain("EMAIL_NOT_CONFIRMED");
    }

    /** docs/security.md: staff outranks; without staff, a token with candidate acts as the person. */
    @Test
    void aTokenWithCandidateAndAdminRegistersThePersonNotAPaperApplicant() {
        String email = Api.uniqueEmail();
        String both = TestTokens.withEmail(UUID.randomUUID().toString(), email, true, Roles.CANDIDATE, Roles.ADMIN);
        String id = register(both, email).then().statusCode(201).body("registeredBy", nullValue()).extract()
                .path("id");
        Requests.as(both).get("/candidates/me").then().statusCode(200).body("id", equalTo(id));
    }

    private static Response register(String token, String email) {
        return Requests.as(token).contentType(ContentType.JSON).body(Map.of("givenName", "Ada", "familyName", "Lovelace",
                "email", email, "dateOfBirth", "1985-12-10")).post("/candidates");
    }

    private static List<String> findings(String candidateId) {
        return staff().queryParam("size", 100).get("/identity-review").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.candidateId == '" + candidateId + "' }.kind", String.class);
    }

    private static long count(String sql, Object... args) {
        return TestDatabase.count(sql, args);
    }
}
