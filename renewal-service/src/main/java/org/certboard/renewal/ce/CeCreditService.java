package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.CeCategory;
import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.program.ProgramRules;
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
    private final ProgramRules<RenewalCalendar> calendars;
    private final ProgramRules<CeCategories> categories;
    private final BoardTime time;
    private final Outbox outbox;
    private final BigDecimal maxHoursPerCredit;

    public CeCreditService(CeCreditRepository credits, CertificationRepository certifications,
            ProgramRules<RenewalCalendar> calendars, ProgramRules<CeCategories> categories, BoardTime time,
            RenewalConfig config, Outbox outbox) {
        this.credits = credits;
        this.certifications = certifications;
        this.calendars = calendars;
        this.categories = categories;
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
        if (Boolean.FALSE.equals(body.ethics()) && body.categories() != null
                && body.categories().contains(CeCategory.ETHICS)) {
            throw Refusal.invalid("ethics", "is false while categories name ethics");
        }
        List<String> named = body.namedCategories();
        // Locked like every write that announces an event, so that one person's events reach the outbox in commit order.
        return Panache.withTransaction(() -> certifications.lockByNumber(number).chain(certification -> {
            if (certification.status == CertificationStatus.LAPSED) {
                throw Refusal.rule("Certification lapsed", "certification " + number
                        + " lapsed; CE cannot renew it any more");
            }
            CeCategories known = categories.of(certification.program);
            known.firstUnknown(named).ifPresent(unknown -> {
                // the deprecated flag named it when the list did not
                String field = body.categories() != null && body.categories().contains(unknown) ? "categories"
                        : "ethics";
                throw Refusal.invalid(field, "'" + unknown + "' is not a CE category of program "
                        + certification.program + (known.codes().isEmpty() ? ", which has none"
                                : "; one of " + String.join(", ", known.codes())));
            });
            CePeriod period = CePeriod.of(certification, calendars.of(certification.program), today);
            if (!period.contains(body.completedOn())) {
                throw Refusal.rule("Completed outside the cycle", "completedOn " + body.completedOn()
                        + " is outside the period whose CE counts, " + period.from() + " to " + period.until())
                        .with("field", "completedOn");
            }
            CeCredit credit = CeCredit.logged(certification.id, body, named, time.now());
            return credits.persist(credit).call(() -> outbox.add(new CeCreditLogged(certification.candidateId,
                    certification.number, credit.id, credit.hours, credit.ethics, credit.completedOn,
                    credit.providerId, certification.program, credit.categories())));
        })).map(CeCreditView::of);
    }

    /** The credits that count toward the next renewal. */
    public Uni<Page<CeCreditView>> list(String number, PageRequest paging) {
        LocalDate today = time.today();
        return Panache.withSession(() -> certifications.byNumber(number).chain(certification -> {
            return credits.page(certification.id, CePeriod.of(certification, calendars.of(certification.program),
                    today), paging);
        }));
    }
}
