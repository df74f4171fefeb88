package org.certboard.exam.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.exam.support.ExamFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Result files as other systems write them (test resources under {@code result-import/}, byte-exact: BOM, CRLF, CR,
 * quoting, semicolons, extra and reordered columns), imported over HTTP into the real database.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ResultImportCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = { "excel-utf8-bom-crlf.csv", "quoted-fields-extra-column.csv", "semicolon-snake-case.csv",
            "reordered-multiline-note.csv", "decimal-scores-padding.csv", "cr-line-ends.csv" })
    void aRealWorldFileRecordsBothScores(String file) {
        UUID sitting = ExamFixtures.sittingInDays(2, 5);
        UUID b1 = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        UUID b2 = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));

        staff().contentType("text/csv").body(corpus(file, b1, b2)).post("/results/import").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected.size()", equalTo(0));

        assertThat(TestDatabase.text("select scaled_score from exam_result where booking_id = ?", b1)).isEqualTo("640");
        assertThat(TestDatabase.text("select scaled_score from exam_result where booking_id = ?", b2)).isEqualTo("480");
    }

    @Test
    void aFileThatGivesOneBookingTwoScoresRecordsNeitherAndReportsBothLines() {
        UUID sitting = ExamFixtures.sittingInDays(2, 5);
        UUID b1 = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        UUID b2 = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));

        staff().contentType("text/csv").body(corpus("disputed-scores.csv", b1, b2)).post("/results/import").then()
                .statusCode(200).body("accepted", equalTo(1)).body("unchanged", equalTo(1))
                .body("rejected.line", contains(2, 4)).body("rejected.disputed", contains(true, true));
        assertThat(TestDatabase.count("select count(*) from exam_result where booking_id = ?", b1)).isZero();
        assertThat(TestDatabase.count("select count(*) from outbox_event where type <> 'org.certboard.exam.ExamBooked.v1'"
                + " and payload like ?", "%" + b1 + "%")).isZero();
        assertThat(TestDatabase.text("select scaled_score from exam_result where booking_id = ?", b2)).isEqualTo("480");

        // the vendor's corrected file is then taken
        staff().contentType("text/csv").body("bookingId,scaledScore\n" + b1 + ",710\n").post("/results/import")
                .then().statusCode(200).body("accepted", equalTo(1));
        assertThat(TestDatabase.text("select scaled_score from exam_result where booking_id = ?", b1)).isEqualTo("710");
    }

    @Test
    void anUnclosedQuoteRejectsItsRecordAndKeepsTheOthers() {
        UUID sitting = ExamFixtures.sittingInDays(2, 5);
        UUID b1 = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        UUID b2 = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));

        staff().contentType("text/csv").body(corpus("unclosed-quote.csv", b1, b2)).post("/results/import").then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected.line", contains(3));
        assertThat(TestDatabase.count("select count(*) from exam_result where booking_id = ?", b2)).isZero();
    }

    private static byte[] corpus(String file, UUID b1, UUID b2) {
        try (InputStream in = ResultImportCorpusTest.class.getResourceAsStream("/result-import/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{b1}", b1.toString()).replace("{b2}", b2.toString()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
