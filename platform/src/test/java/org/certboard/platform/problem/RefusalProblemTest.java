package org.certboard.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.certboard.platform.domain.Refusal;
import org.junit.jupiter.api.Test;

class RefusalProblemTest {

    @Test
    void eachKindAnswersItsStatusWithTheSameDocumentAProblemWouldHave() {
        assertEquals(Problem.of(404, "Not Found", "renewal 7 does not exist"),
                Problem.of(Refusal.notFound("renewal", 7)));
        assertEquals(Problem.of(404, "Not Found", "certification CCM-2026-000001 does not exist"),
                Problem.of(Refusal.notFound("certification", "CCM-2026-000001")));
        assertEquals(Problem.of(404, "Not registered", "register first"),
                Problem.of(Refusal.notFoundAs("Not registered", "register first")));
        assertEquals(Problem.of(409, "Already retired", "certification CCM-1 is retired"),
                Problem.of(Refusal.conflict("Already retired", "certification CCM-1 is retired")));
        assertEquals(Problem.of(422, "Certification lapsed", "no credit after a lapse"),
                Problem.of(Refusal.rule("Certification lapsed", "no credit after a lapse")));
        assertEquals(Problem.of(403, "Not authorised", "no approved application"),
                Problem.of(Refusal.forbidden("Not authorised", "no approved application")));
    }

    @Test
    void anInvalidFieldIsAValidationProblemNamingTheField() {
        Problem problem = Problem.of(Refusal.invalid("hours", "must be at most 40"));
        assertEquals(400, problem.status());
        assertEquals(URI.create("https://certboard.org/problems/invalid-request"), problem.type());
        assertEquals(List.of(new Problem.Violation("hours", "must be at most 40")), problem.violations());
        assertEquals("hours: must be at most 40", problem.detail());
    }

    @Test
    void severalInvalidFieldsAreListedInTheirOrder() {
        Problem problem = Problem.of(Refusal.invalid(List.of(new Refusal.Field("familyName", "must not be blank"),
                new Refusal.Field("email", "must be an address"))));
        assertEquals(Problem.invalid(List.of(new Problem.Violation("familyName", "must not be blank"),
                new Problem.Violation("email", "must be an address"))), problem);
    }

    @Test
    void membersFollowInTheOrderTheyWereAdded() {
        Problem problem = Problem.of(Refusal.rule("Renewal requirements not met", "12 h missing")
                .with("missing", Map.of("hours", 12)).with("certificationNumber", "CCM-1"));
        assertEquals(List.of("missing", "certificationNumber"), List.copyOf(problem.extensionMembers().keySet()));
    }
}
