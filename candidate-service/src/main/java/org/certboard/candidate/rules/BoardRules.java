package org.certboard.candidate.rules;

import java.util.LinkedHashSet;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.candidate.eligibility.EligibilityCriteria;
import org.certboard.candidate.eligibility.EligibilityRules;
import org.certboard.candidate.eligibility.ExperiencePathway;

import io.quarkus.runtime.Startup;

/**
 * Turns the configured board profile ({@code certboard.eligibility.*}) into the domain rules, once, at start-up, so
 * a bad profile stops the service.
 */
@ApplicationScoped
public class BoardRules {
    private final EligibilityConfig config;

    public BoardRules(EligibilityConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    @Startup
    EligibilityRules eligibilityRules() {
        try {
            return new EligibilityRules(new EligibilityCriteria(config.fullTimeHoursPerWeek(),
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
}
