package org.certboard.candidate.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.certboard.candidate.eligibility.ExperiencePathway;
import org.junit.jupiter.api.Test;

class BoardProfileTest {
    private static final BoardConfig NEW_YORK = () -> ZoneId.of("America/New_York");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-02T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void aBadProfileStopsStartUpNamingTheSettings() {
        BoardProfile profile = new BoardProfile(config(BigDecimal.valueOf(90), Period.ofMonths(-1)), NEW_YORK, CLOCK);

        assertThatThrownBy(profile::eligibilityRules).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The board profile (certboard.eligibility.*) is invalid")
                .hasMessageContaining("full-time-hours-per-week must be more than 0 and at most 80, was 90")
                .hasMessageContaining("authorisation-period must be a positive period such as P12M, was P-1M")
                .hasMessageContaining("docs/candidate-service.md");
    }

    @Test
    void theDefaultsMakeTheCcmRules() {
        var rules = new BoardProfile(config(BigDecimal.valueOf(35), Period.ofMonths(12)), NEW_YORK, CLOCK).eligibilityRules();

        assertThat(rules.board().requiredMonths(ExperiencePathway.ANY_SUPERVISOR_24_MONTHS)).isEqualByComparingTo("24");
        assertThat(rules.board().isListedLicenceType(" rn ")).isTrue();
        assertThat(rules.board().isListedDegreeField("Social  Work")).isTrue();
    }

    @Test
    void todayIsTheBoardsCalendarDay() {
        BoardProfile profile = new BoardProfile(config(BigDecimal.valueOf(35), Period.ofMonths(12)), NEW_YORK, CLOCK);

        assertThat(profile.today()).as("03:00 UTC is still the evening before in New York")
                .isEqualTo(LocalDate.parse("2026-06-01"));
    }

    private static EligibilityConfig config(BigDecimal fullTime, Period authorisation) {
        return new EligibilityConfig() {
            @Override
            public BigDecimal fullTimeHoursPerWeek() {
                return fullTime;
            }

            @Override
            public BigDecimal supervisedByCcmMonths() {
                return BigDecimal.valueOf(12);
            }

            @Override
            public BigDecimal anySupervisorMonths() {
                return BigDecimal.valueOf(24);
            }

            @Override
            public BigDecimal supervisorMonths() {
                return BigDecimal.valueOf(12);
            }

            @Override
            public Period authorisationPeriod() {
                return authorisation;
            }

            @Override
            public List<String> licenceTypes() {
                return List.of("RN", "LCSW");
            }

            @Override
            public List<String> degreeFields() {
                return List.of("social work");
            }
        };
    }
}
