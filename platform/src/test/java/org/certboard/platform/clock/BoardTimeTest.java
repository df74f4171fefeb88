package org.certboard.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoardTimeTest {
    private static final BoardConfig NEW_YORK = () -> ZoneId.of("America/New_York");

    @ParameterizedTest
    @CsvSource({
            "2026-11-27T04:59:59Z, 2026-11-26",
            "2026-11-27T05:00:00Z, 2026-11-27",
            "2026-07-01T03:59:59Z, 2026-06-30",
            "2026-07-01T04:00:00Z, 2026-07-01" })
    void theBoardDayEndsAtMidnightInTheBoardZone(Instant moment, LocalDate day) {
        BoardTime time = new BoardTime(Clock.fixed(moment, ZoneOffset.UTC), NEW_YORK);

        assertThat(time.today()).isEqualTo(day);
        assertThat(time.dateOf(moment)).isEqualTo(day);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-27T10:15:30.123456789Z, 2026-11-27T10:15:30.123456Z",
            "2026-11-27T10:15:30.000000999Z, 2026-11-27T10:15:30Z" })
    void nowIsWhatTheDatabaseKeeps(Instant moment, Instant stored) {
        BoardTime time = new BoardTime(Clock.fixed(moment, ZoneOffset.UTC), NEW_YORK);

        assertThat(time.now()).isEqualTo(stored);
        assertThat(time.clock().getZone()).isEqualTo(NEW_YORK.timeZone());
    }
}
