package org.certboard.renewal.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.platform.domain.Refusal;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.sql.NativeSelect;
import org.certboard.renewal.calendar.ClockAction;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The certifications' SQL: lookups, locks, numbering, the clock job's claim, and the reminders sent. */
@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<Certification, UUID> {

    public Uni<Certification> byNumber(String number) {
        return find("number", number).firstResult()
                .onItem().ifNull().failWith(() -> Refusal.notFound("certification", number));
    }

    /** For changes: holds the row until commit, so requests and the clock job change one certification in turn. */
    public Uni<Certification> lockByNumber(String number) {
        return find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(() -> Refusal.notFound("certification", number));
    }

    /**
     * The person's certification of {@code program} that is not LAPSED (at most one per program), locked; null when
     * there is none.
     */
    public Uni<Certification> lockLive(UUID candidateId, String program) {
        return find("candidateId = ?1 and program = ?2 and status <> ?3", candidateId, program,
                CertificationStatus.LAPSED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The person's LAPSED certification of {@code program} with the latest expiry, locked; null when there is none. */
    public Uni<Certification> lockNewestLapsed(UUID candidateId, String program) {
        return find("candidateId = ?1 and program = ?2 and status = ?3 order by expiresOn desc", candidateId, program,
                CertificationStatus.LAPSED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** True when the person holds a certification of {@code program} that is not LAPSED. */
    public Uni<Boolean> holdsLive(UUID candidateId, String program) {
        return count("candidateId = ?1 and program = ?2 and status <> ?3", candidateId, program,
                CertificationStatus.LAPSED).map(live -> live > 0);
    }

    public Uni<Boolean> isHeldBy(String number, UUID candidateId) {
        return count("number = ?1 and candidateId = ?2", number, candidateId).map(held -> held > 0);
    }

    /**
     * The next number of the certification number sequence: never handed out twice, gaps are fine. One sequence for
     * every program: the prefix names the program, so numbers stay unique (docs/renewal-service.md).
     */
    public Uni<Long> nextNumber() {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select nextval('certification_number_seq')", Long.class).getSingleResult());
    }

    public Uni<Page<CertificationView>> page(UUID candidateId, PageRequest paging) {
        var query = candidateId == null ? find("order by number")
                : find("candidateId = ?1 order by number", candidateId);
        return paging.fetch(query, CertificationView::of);
    }

    /**
     * Claims up to {@code limit} certifications with a clock action due by {@code today}, skipping rows another
     * replica holds, so each certification is handled by one run at a time and in order.
     */
    public Uni<List<Certification>> claimDue(LocalDate today, int limit) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select * from certification where next_due_on <= ?1 order by next_due_on, id limit ?2"
                        + " for update skip locked", Certification.class)
                .setParameter(1, today).setParameter(2, limit).getResultList());
    }

    /**
     * Records a reminder of the certification's current cycle; true the first time. The primary key (certification,
     * cycle, days before) keeps it exactly-once across replicas, in the transaction of its outbox row.
     */
    public Uni<Boolean> recordReminder(Certification certification, ClockAction.Reminder reminder, Instant sentAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into reminder_sent (certification_id, cycle_started_on, days_before, due_on, sent_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, certification.id).setParameter(2, certification.cycleStartedOn)
                .setParameter(3, reminder.daysBefore()).setParameter(4, reminder.dueOn())
                .setParameter(5, sentAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
