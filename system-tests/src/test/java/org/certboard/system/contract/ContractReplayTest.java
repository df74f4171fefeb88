package org.certboard.system.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.BoardClient.Exchange;
import org.certboard.system.contract.ContractReplay.Mismatch;
import org.junit.jupiter.api.Test;

/** The replay check on made-up answers of exam-service: it passes what fits the document, and only that. */
class ContractReplayTest {
    private static final Path DOCUMENTS = Path.of(System.getProperty("certboard.root", "..")).resolve("docs/openapi");
    private static final String WINDOW = "/windows/0b6e4e0a-3f2c-4d7e-9a51-6c1f0d7d2a11";
    private static final String JSON = "application/json";
    private static final String VALID = """
            {"id":"0b6e4e0a-3f2c-4d7e-9a51-6c1f0d7d2a11","name":"Window 2027-05-03","opensOn":"2027-05-03",
             "closesOn":"2027-06-02","passMark":null,"program":"CCM"}""";

    private final ContractReplay replay = new ContractReplay(DOCUMENTS, Map.of());

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThat(replay.check(window(200, JSON, VALID))).isEmpty();
        assertThat(replay.check(window(404, "application/problem+json",
                "{\"type\":\"https://certboard.org/problems/not-found\",\"title\":\"Not found\",\"status\":404}")))
                .isEmpty();
    }

    @Test
    void anUndocumentedPathOrMethodIsAMismatch() {
        assertThat(keys(new Exchange(Service.EXAM, "GET", "/no/such/thing", 404, JSON, "{}")))
                .containsExactly("validation.request.path.missing");
        assertThat(keys(new Exchange(Service.EXAM, "DELETE", WINDOW, 204, null, "")))
                .containsExactly("validation.request.operation.notAllowed");
    }

    @Test
    void anUndocumentedStatusIsAMismatchNamedByTheDocumentedPath() {
        List<Mismatch> mismatches = replay.check(window(503, "application/problem+json", "{}"));
        assertThat(mismatches).extracting(Mismatch::id)
                .containsExactly("exam-service GET /windows/{id} 503 validation.response.status.unknown");
    }

    @Test
    void anUndocumentedContentTypeIsAMismatch() {
        assertThat(keys(window(200, "text/plain", VALID)))
                .containsExactly("validation.response.contentType.notAllowed");
    }

    @Test
    void aBodyThatBreaksTheSchemaIsAMismatch() {
        assertThat(keys(window(200, JSON, VALID.replace("\"name\":\"Window 2027-05-03\",", ""))))
                .containsExactly("validation.response.body.schema.required");
        assertThat(keys(window(200, JSON, VALID.replace("\"2027-05-03\",\n", "20270503,\n"))))
                .containsExactly("validation.response.body.schema.type");
        assertThat(replay.check(window(200, JSON, VALID.replace("\"name\":\"Window 2027-05-03\"", "\"name\":null"))))
                .extracting(Mismatch::id)
                .containsExactly("exam-service GET /windows/{id} 200 validation.response.body.schema.type /name");
        assertThat(keys(window(200, JSON, VALID.replace("\"passMark\":null", "\"passMark\":500,\"seats\":3"))))
                .containsExactly("validation.response.body.schema.additionalProperties");
    }

    @Test
    void aValueOutsideTheDocumentedEnumIsAMismatch() {
        String booking = """
                {"id":"0b6e4e0a-3f2c-4d7e-9a51-6c1f0d7d2a11","candidateId":"0b6e4e0a-3f2c-4d7e-9a51-6c1f0d7d2a12",
                 "sittingId":"0b6e4e0a-3f2c-4d7e-9a51-6c1f0d7d2a13","status":"PENCILLED_IN","deferred":false,
                 "bookedAt":"2027-05-03T13:00:00Z","program":"CCM"}""";
        assertThat(keys(new Exchange(Service.EXAM, "GET", "/bookings/0b6e4e0a-3f2c-4d7e-9a51-6c1f0d7d2a11", 200, JSON,
                booking))).containsExactly("validation.response.body.schema.enum");
    }

    @Test
    void anAllowedMismatchIsNotReportedButOneNeverSeenIsNamed() {
        String entry = "exam-service GET /windows/{id} 503 validation.response.status.unknown";
        ContractReplay allowing = new ContractReplay(DOCUMENTS, ContractReplay.allowList("""
                # a comment line
                %s   # the reason
                exam-service GET /windows 418 validation.response.status.unknown # never happens
                """.formatted(entry)));
        ContractReplay.Outcome outcome = allowing.check(List.of(window(503, "application/problem+json", "{}"),
                window(200, JSON, VALID.replace("\"passMark\":null", "\"passMark\":\"high\""))));
        assertThat(outcome.checked()).isEqualTo(2);
        assertThat(outcome.mismatches()).extracting(Mismatch::key)
                .containsExactly("validation.response.body.schema.type");
        assertThat(outcome.allowedButNotSeen())
                .containsExactly("exam-service GET /windows 418 validation.response.status.unknown");
    }

    @Test
    void anAllowListEntryNeedsAReason() {
        assertThatThrownBy(() -> ContractReplay.allowList(
                "exam-service GET /windows 503 validation.response.status.unknown"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a reason");
    }

    private static Exchange window(int status, String contentType, String body) {
        return new Exchange(Service.EXAM, "GET", WINDOW, status, contentType, body);
    }

    private List<String> keys(Exchange exchange) {
        return replay.check(exchange).stream().map(Mismatch::key).toList();
    }
}
