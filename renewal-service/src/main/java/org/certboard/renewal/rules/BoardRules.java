package org.certboard.renewal.rules;

import java.time.MonthDay;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.platform.clock.BoardConfig;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;
import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.ce.CeCategories;
import org.certboard.renewal.config.RenewalPrograms;
import org.certboard.renewal.config.RenewalPrograms.RenewalProgram;
import org.certboard.renewal.credential.Achievement;
import org.certboard.renewal.recertification.AuditSampling;
import org.certboard.renewal.recertification.RenewalRequirements;

import io.quarkus.runtime.Startup;

/**
 * Turns each program's configuration ({@code certboard.programs.<code>.*}) into the plain domain objects, one set per
 * program; built at start-up so that a bad setting stops the service, naming the program.
 */
public class BoardRules {

    @Produces
    @Singleton
    @Startup
    ProgramRules<RenewalCalendar> calendars(Programs programs, RenewalPrograms config, BoardConfig board) {
        return programs.rules(code -> calendar(config.programs().get(code), board.timeZone()));
    }

    @Produces
    @Singleton
    @Startup
    ProgramRules<RenewalRequirements> requirements(Programs programs, RenewalPrograms config) {
        return programs.rules(code -> requirements(config.programs().get(code)));
    }

    @Produces
    @Singleton
    @Startup
    ProgramRules<CeCategories> ceCategories(Programs programs, RenewalPrograms config) {
        return programs.rules(code -> new CeCategories(config.programs().get(code).ce().categories().keySet()));
    }

    @Produces
    @Singleton
    @Startup
    ProgramRules<AuditSampling> auditSampling(Programs programs, RenewalPrograms config) {
        return programs.rules(code -> auditSampling(config.programs().get(code)));
    }

    @Produces
    @Singleton
    @Startup
    ProgramRules<Achievement> achievements(Programs programs, RenewalPrograms config) {
        return programs.rules(code -> achievement(code, config.programs().get(code)));
    }

    static RenewalCalendar calendar(RenewalProgram program, ZoneId zone) {
        RenewalPrograms.Renewal renewal = program.renewal();
        ExpiryRule rule = renewal.alignExpiry()
                ? new ExpiryRule.AlignToDates(renewal.cycle(),
                        renewal.fixedExpiryDates().stream().map(date -> MonthDay.parse("--" + date)).toList())
                : new ExpiryRule.AddCycle(renewal.cycle());
        return new RenewalCalendar(rule, renewal.window(), renewal.reminderDays(), renewal.grace(),
                renewal.retirementWindow(), renewal.reactivationWindow(), zone);
    }

    static RenewalRequirements requirements(RenewalProgram program) {
        return new RenewalRequirements(program.ce().requiredHours(), program.ce().categories());
    }

    static AuditSampling auditSampling(RenewalProgram program) {
        return new AuditSampling(program.renewal().auditShare().doubleValue());
    }

    static Achievement achievement(String code, RenewalProgram program) {
        RenewalPrograms.Achievement achievement = program.achievement();
        return new Achievement(code, achievement.name().orElse(program.name()), achievement.description(),
                achievement.criteria(), achievement.image());
    }
}
