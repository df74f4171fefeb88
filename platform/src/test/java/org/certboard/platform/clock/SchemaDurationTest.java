package org.certboard.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class SchemaDurationTest {
    /** RFC 3339 appendix A, the grammar of JSON Schema's {@code duration} format, written out as a pattern. */
    public static final String RFC_3339_DURATION;

    static {
        String time = "T(?:\\d+H(?:\\d+M(?:\\d+S)?)?|\\d+M(?:\\d+S)?|\\d+S)";
        String date = "(?:\\d+D|\\d+M(?:\\d+D)?|\\d+Y(?:\\d+M(?:\\d+D)?)?)(?:" + time + ")?";
        RFC_3339_DURATION = "P(?:" + date + "|" + time + "|\\d+W)";
    }

    @ParameterizedTest
    @CsvSource({ "PT0S, PT0S", "PT0.25S, PT0S", "PT5S, PT5S", "PT1H5.25S, PT1H0M5S", "PT1H, PT1H", "PT2M, PT2M",
            "PT24H, P1D", "PT721H0M5S, P30DT1H0M5S", "P400D, P400D", "PT9600H30M, P400DT30M" })
    void writesWholeSecondsWithNoUnitSkipped(String javaForm, String expected) {
        Duration duration = Duration.parse(javaForm);
        String text = SchemaDuration.format(duration);

        assertThat(text).isEqualTo(expected).matches(RFC_3339_DURATION);
        assertThat(Duration.parse(text)).isEqualTo(duration.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void javasOwnFormIsNotAlwaysValidWhichIsWhyThisExists() {
        assertThat(Duration.parse("PT1H5.25S").toString()).doesNotMatch(RFC_3339_DURATION);
        assertThat(Duration.ofSeconds(3605).toString()).doesNotMatch(RFC_3339_DURATION);
    }

    @Test
    void aNegativeDurationHasNoForm() {
        assertThatThrownBy(() -> SchemaDuration.format(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
