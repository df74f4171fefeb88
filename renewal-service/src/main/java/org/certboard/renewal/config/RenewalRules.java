package org.certboard.renewal.config;

import java.time.MonthDay;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.renewal.clock.ExpiryRule;
import org.certboard.renewal.clock.RenewalCalendar;
import org.certboard.renewal.renewal.AuditSampling;
import org.certboard.renewal.renewal.RenewalRequirements;

import io.quarkus.runtime.Startup;

/** Turns configuration into the plain domain objects; built at start-up so that bad settings stop the service. */
public class RenewalRules {

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
