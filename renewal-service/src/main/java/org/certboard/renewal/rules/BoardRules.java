package org.certboard.renewal.rules;

import java.time.MonthDay;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.platform.clock.BoardConfig;
import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.config.RenewalConfig;
import org.certboard.renewal.recertification.AuditSampling;
import org.certboard.renewal.recertification.RenewalRequirements;

import io.quarkus.runtime.Startup;

/** Turns configuration into the plain domain objects; built at start-up so that bad settings stop the service. */
public class BoardRules {

    @Produces
    @Singleton
    @Startup
    RenewalCalendar calendar(RenewalConfig renewal, BoardConfig board) {
        ExpiryRule rule = renewal.alignExpiry()
                ? new ExpiryRule.AlignToDates(renewal.cycle(),
                        renewal.fixedExpiryDates().stream().map(date -> MonthDay.parse("--" + date)).toList())
                : new ExpiryRule.AddCycle(renewal.cycle());
        return new RenewalCalendar(rule, renewal.window(), renewal.reminderDays(), renewal.grace(),
                renewal.retirementWindow(), renewal.reactivationWindow(), board.timeZone());
    }

    @Produces
    @Singleton
    @Startup
    RenewalRequirements requirements(RenewalConfig renewal) {
        return new RenewalRequirements(renewal.requiredHours(), renewal.requiredEthicsHours());
    }

    @Produces
    @Singleton
    AuditSampling auditSampling(RenewalConfig renewal) {
        return new AuditSampling(renewal.auditShare().doubleValue());
    }
}
