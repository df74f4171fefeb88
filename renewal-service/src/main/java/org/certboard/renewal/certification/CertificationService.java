package org.certboard.renewal.certification;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Actor;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.program.ProgramRules;
import org.certboard.renewal.calendar.RenewalCalendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads certifications, and the certificant's own status change: retirement. */
@ApplicationScoped
public class CertificationService {
    private final CertificationRepository certifications;
    private final PendingAudits pendingAudits;
    private final ProgramRules<RenewalCalendar> calendars;
    private final Outbox outbox;
    private final BoardTime time;

    public CertificationService(CertificationRepository certifications, PendingAudits pendingAudits,
            ProgramRules<RenewalCalendar> calendars, Outbox outbox, BoardTime time) {
        this.certifications = certifications;
        this.pendingAudits = pendingAudits;
        this.calendars = calendars;
        this.outbox = outbox;
        this.time = time;
    }

    public Uni<CertificationView> get(String number) {
        return Panache.withSession(() -> certifications.byNumber(number)).map(CertificationView::of);
    }

    public Uni<Page<CertificationView>> list(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> certifications.page(candidateId, paging));
    }

    public Uni<CertificationView> retire(String number, Actor staff) {
        LocalDate today = time.today();
        return Panache.withTransaction(() -> certifications.lockByNumber(number).chain(certification -> pendingAudits
                .hasPendingAudit(certification.id)
                .chain(awaiting -> certifications.holdsLive(certification.candidateId, certification.program)
                        .chain(holdsLive -> outbox.add(certification.retire(today, staff, awaiting, holdsLive,
                                calendars.of(certification.program)))))
                .replaceWith(certification)))
                .map(CertificationView::of);
    }
}
