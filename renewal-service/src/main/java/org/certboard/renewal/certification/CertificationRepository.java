package org.certboard.renewal.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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
    /** The holdings a set statement concerns, as rows (candidate_id, program). */
    private static final String HOLDINGS =
            "select * from unnest(cast(:candidates as uuid[]), cast(:programs as text[]))";
    /**
     * Every column of the entity, named: the pool caches each statement prepared on its connection, and PostgreSQL
     * refuses to run a prepared {@code select *} once a migration added a column ("cached plan must not change
     * result type", not transient), so during a rolling update the old pods would dead-letter the passes they apply.
     */
    private static final String CERTIFICATION = "select id, number, program, candidate_id, status, first_certified_on,"
            + " cycle_started_on, expires_on, retired_on, retired_by_subject, retired_by_role, next_due_on"
            + " from certification";

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

    /** A person and a credential program: the scope of at most one live certification. */
    public record Holding(UUID candidateId, String program) {

        public static Holding of(Certification certification) {
            return new Holding(certification.candidateId, certification.program);
        }
    }

    /**
     * Of each holding, in one statement, the certification that is not LAPSED (at most one) or, when it has none, the
     * LAPSED one with the latest expiry, locked. Rows are locked in id order, whoever asks, so two transactions
     * locking overlapping sets wait for each other instead of deadlocking.
     */
    public Uni<List<Certification>> lockLiveOrNewestLapsed(List<Holding> holdings) {
        return lock(CERTIFICATION + """
                 where id in (
                    select distinct on (candidate_id, program) id from certification
                    where (candidate_id, program) in (%s)
                    order by candidate_id, program, status = 'LAPSED', expires_on desc)
                order by id for update""".formatted(HOLDINGS), holdings);
    }

    private Uni<List<Certification>> lock(String sql, List<Holding> holdings) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, sql, Certification.class)
                .setParameter("candidates", holdings.stream().map(Holding::candidateId).toArray(UUID[]::new))
                .setParameter("programs", holdings.stream().map(Holding::program).toArray(String[]::new))
                .getResultList());
    }

    /**
     * Those of these people who hold a certification that has not lapsed, in one statement. The ids travel as one
     * array: a query language {@code in} list is a parameter per id and a new translation per list length, which
     * took a tenth of the service's CPU while registrations streamed in (docs/benchmarks.md).
     */
    public Uni<List<UUID>> holdersAmong(Collection<UUID> candidateIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session, """
                select distinct candidate_id from certification
                where candidate_id = any(:ids) and status <> 'LAPSED'""", UUID.class)
                .setParameter("ids", candidateIds.toArray(new UUID[0])).getResultList());
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
     * {@code n} numbers of the certification number sequence, in one statement: never handed out twice, gaps are
     * fine. One sequence for every program: the prefix names the program, so numbers stay unique
     * (docs/renewal-service.md).
     */
    public Uni<List<Long>> nextNumbers(int n) {
        return Panache.getSession()
                .chain(session -> NativeSelect.nextValues(session, "certification_number_seq", n).getResultList());
    }

    /**
     * Inserts new certifications ({@link Certification#issue}) in one statement whatever their number: the columns
     * travel as arrays and unnest() turns them back into rows. They do not join the session; a later read loads them.
     * A new certification is not retired, so the retirement columns stay empty.
     */
    public Uni<Void> insertIssued(List<Certification> issued) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into certification (id, number, program, candidate_id, status, first_certified_on,
                    cycle_started_on, expires_on, next_due_on)
                select * from unnest(cast(:ids as uuid[]), cast(:numbers as text[]), cast(:programs as text[]),
                    cast(:candidates as uuid[]), cast(:statuses as text[]), cast(:firstCertified as date[]),
                    cast(:cycleStarted as date[]), cast(:expires as date[]), cast(:nextDue as date[]))""")
                .setParameter("ids", issued.stream().map(c -> c.id).toArray(UUID[]::new))
                .setParameter("numbers", issued.stream().map(c -> c.number).toArray(String[]::new))
                .setParameter("programs", issued.stream().map(c -> c.program).toArray(String[]::new))
                .setParameter("candidates", issued.stream().map(c -> c.candidateId).toArray(UUID[]::new))
                .setParameter("statuses", issued.stream().map(c -> c.status.name()).toArray(String[]::new))
                .setParameter("firstCertified", issued.stream().map(c -> c.firstCertifiedOn).toArray(LocalDate[]::new))
                .setParameter("cycleStarted", issued.stream().map(c -> c.cycleStartedOn).toArray(LocalDate[]::new))
                .setParameter("expires", issued.stream().map(c -> c.expiresOn).toArray(LocalDate[]::new))
                .setParameter("nextDue", issued.stream().map(c -> c.nextDueOn).toArray(LocalDate[]::new))
                .executeUpdate())
                .replaceWithVoid();
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
                CERTIFICATION + " where next_due_on <= ?1 order by next_due_on, id limit ?2"
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
