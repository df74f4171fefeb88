package org.certboard.candidate.rules;

import java.util.LinkedHashSet;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.candidate.eligibility.EligibilityCriteria;
import org.certboard.candidate.eligibility.EligibilityRules;
import org.certboard.candidate.eligibility.ExperiencePathway;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;

import io.quarkus.runtime.Startup;

/**
 * Turns each program's configured eligibility ({@code certboard.programs.<code>.eligibility.*}) into the domain
 * rules, once, at start-up, so a bad setting stops the service with the program's code in the message.
 */
@ApplicationScoped
public class BoardRules {
    private final Programs programs;
    private final EligibilityPrograms config;

    public BoardRules(Programs programs, EligibilityPrograms config) {
        this.programs = programs;
        this.config = config;
    }

    @Produces
    @Singleton
    @Startup
    ProgramRules<EligibilityRules> eligibilityRules() {
        return programs.rules(code -> eligibility(config.programs().get(code).eligibility()));
    }

    private static EligibilityRules eligibility(EligibilityPrograms.Eligibility config) {
        try {
            return new EligibilityRules(new EligibilityCriteria(config.fullTimeHoursPerWeek(),
                    Map.of(ExperiencePathway.SUPERVISED_BY_CCM_12_MONTHS, config.supervisedByCcmMonths(),
                            ExperiencePathway.ANY_SUPERVISOR_24_MONTHS, config.anySupervisorMonths(),
                            ExperiencePathway.SUPERVISOR_12_MONTHS, config.supervisorMonths()),
                    config.authorisationPeriod(), new LinkedHashSet<>(config.licenceTypes()),
                    new LinkedHashSet<>(config.degreeFields())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eligibility: " + e.getMessage()
                    + " (docs/candidate-service.md lists the settings and their defaults)", e);
        }
    }
}
