package org.certboard.candidate.board;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.candidate.eligibility.BoardRules;
import org.certboard.candidate.eligibility.EligibilityRules;
import org.certboard.candidate.eligibility.ExperiencePathway;

import io.quarkus.runtime.Startup;

/**
 * Turns the configured board profile into the domain rules, once, at start-up, so a bad profile stops the service.
 * Application scoped (a lazy proxy) because the validator, which reads {@link #zonedClock()}, is built before the
 * runtime configuration exists.
 */
@ApplicationScoped
public class BoardProfile {
    private final EligibilityConfig config;
    private final BoardConfig board;
    private final Clock clock;

    public BoardProfile(EligibilityConfig config, BoardConfig board, Clock clock) {
        this.config = config;
        this.board = board;
        this.clock = clock;
    }

    @Produces
    @Singleton
    @Startup
    EligibilityRules eligibilityRules() {
        try {
            return new EligibilityRules(new BoardRules(config.fullTimeHoursPerWeek(),
                    Map.of(ExperiencePathway.SUPERVISED_BY_CCM_12_MONTHS, config.supervisedByCcmMonths(),
                            ExperiencePathway.ANY_SUPERVISOR_24_MONTHS, config.anySupervisorMonths(),
                            ExperiencePathway.SUPERVISOR_12_MONTHS, config.supervisorMonths()),
                    config.authorisationPeriod(), new LinkedHashSet<>(config.licenceTypes()),
                    new LinkedHashSet<>(config.degreeFields())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The board profile (certboard.eligibility.*) is invalid: " + e.getMessage()
                    + ". See docs/candidate-service.md for the settings and their defaults.", e);
        }
    }

    /** Today in the board's time zone, by the board clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(board.timeZone()));
    }

    public ZoneId zone() {
        return board.timeZone();
    }

    /** The board clock in the board's time zone, for date constraints such as "not in the future". */
    public Clock zonedClock() {
        return clock.withZone(board.timeZone());
    }
}
