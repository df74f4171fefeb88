package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.CertificationRepository;
import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.config.RenewalConfig;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CeCreditService {
    private final CeCreditRepository credits;
    private final CertificationRepository certifications;
    private final RenewalCalendar calendar;
    private final BoardTime time;
    private final Outbox outbox;
    private final BigDecimal maxHoursPerCredit;

    public CeCreditService(CeCreditRepository credits, CertificationRepository certifications, RenewalCalendar calendar,
            BoardTime time, RenewalConfig config, Outbox outbox) {
        this.credits = credits;
        this.certifications = certifications;
        this.calendar = calendar;
        this.outbox = outbox;
        this.time = time;
        this.maxHoursPerCredit = config.maxHoursPerCredit();
    }

    public Uni<CeCreditView> record(String number, NewCeCredit body) {
        LocalDate today = time.today();
        if (body.hours().compareTo(maxHoursPerCredit) > 0) {
            throw Refusal.invalid("hours", "must be at most " + maxHoursPerCredit.toPlainString()
                    + " in one credit");
        }
        if (body.completedOn().isAfter(today)) {
            throw Refusal.invalid("completedOn", "must not be in the future (today is " + today + ")");
        }
        // Locked like every write that announces an event, so that one person's events reach the outbox in commit order.
        return Panache.withTransaction(() -> certifications.lockByNumber(number).chain(certification -> {
            if (certification.status == CertificationStatus.LAPSED) {
                throw Refusal.rule("Certification lapsed", "certification " + number
                        + " lapsed; CE cannot renew it any more");
            }
            CePeriod period = CePeriod.of(certification, calendar, today);
            if (!period.contains(body.completedOn())) {
                throw Refusal.rule("Completed outside the cycle", "completedOn " + body.completedOn()
                        + " is outside the period whose CE counts, " + period.from() + " to " + period.until())
                        .with("field", "completedOn");
            }
            CeCredit credit = CeCredit.logged(certification.id, body, time.now());
            return credits.persist(credit).call(() -> outbox.add(new CeCreditLogged(certification.candidateId,
                    certification.number, credit.id, credit.hours, credit.ethics, credit.completedOn,
                    credit.providerId)));
        })).map(CeCreditView::of);
    }

    /** The credits that count toward the next renewal. */
    public Uni<Page<CeCreditView>> list(String number, PageRequest paging) {
        LocalDate today = time.today();
        return Panache.withSession(() -> certifications.byNumber(number).chain(certification -> {
            return credits.page(certification.id, CePeriod.of(certification, calendar, today), paging);
        }));
    }
}
