package org.certboard.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.certboard.platform.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionsTest {

    @ParameterizedTest
    @ValueSource(strings = { "\"3\"", "*", "\"2\", \"3\"", " \"3\" " })
    void theCurrentTagLetsTheCommandThrough(String ifMatch) {
        assertThatCode(() -> Preconditions.requireIfMatch(ifMatch, 3)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2\"", "W/\"3\"", "3", "\"30\"" })
    void anotherTagIsRefusedWithTheCurrentOne(String ifMatch) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> Preconditions.requireIfMatch(ifMatch, 3));
        assertThat(refused.problem().status()).isEqualTo(412);
        assertThat(refused.problem().type().toString()).endsWith("/precondition-failed");
        assertThat(refused.problem().extensions()).containsEntry("currentETag", "\"3\"");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void aMissingHeaderIsRequired(String ifMatch) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> Preconditions.requireIfMatch(ifMatch, 3));
        assertThat(refused.problem().status()).isEqualTo(428);
        assertThat(refused.problem().type().toString()).endsWith("/precondition-required");
    }

    @ParameterizedTest
    @CsvSource({ "0, \"0\"", "17, \"17\"" })
    void theTagIsTheQuotedVersion(long version, String tag) {
        assertThat(Preconditions.etag(version)).isEqualTo(tag);
    }
}
