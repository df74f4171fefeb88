package org.certboard.renewal.clock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.certboard.events.renewal.RenewalReminderDue;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.clock.ClockMoved;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.outbox.OutboxWakeUp;
import org.certboard.platform.program.ProgramRules;
import org.certboard.renewal.calendar.ClockAction;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationRepository;
import org.certboard.renewal.certification.CertificationStatus;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends reminders and moves certifications to EXPIRED and LAPSED when the board date reaches them (a retired one
 * lapses when its reactivation window has ended). Each certification stores the date of its next clock action
 * ({@code next_due_on}); a run takes the due ones, performs everything due up to today in date order (so a service
 * that was down, or a sandbox clock that jumped years, catches up completely) and has each store its next date. Which
 * actions are due and when the next one is, is the certification's rule ({@link Certification#dueBy},
 * {@link Certification#caughtUpTo}).
 * <p>
 * Several replicas are safe: rows are claimed with {@code for update skip locked}, so one replica handles a
 * certification at a time and in order, and each reminder is also recorded under a primary key
 * (certification, cycle, days before) in the same transaction as its outbox row.
 */
@ApplicationScoped
public class ClockJob {
    private static final Logger LOG = Logger.getLogger(ClockJob.class);
    private static final int BATCH = 100;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final CertificationRepository certifications;
    /** Each certification follows its own program's calendar. */
    private final ProgramRules<RenewalCalendar> calendars;
    private final BoardTime time;
    private final Outbox outbox;
    private final OutboxWakeUp wakeUp;
    private final Vertx vertx;
    /** Runs requested since the current run started; a request during a run makes it go round once more. */
    private final AtomicInteger requests = new AtomicInteger();
    private final Counter completedRuns;
    private final Counter failedRuns;

    public ClockJob(CertificationRepository certifications, ProgramRules<RenewalCalendar> calendars, BoardTime time, Outbox outbox,
            OutboxWakeUp wakeUp, Vertx vertx, MeterRegistry registry) {
        this.certifications = certifications;
        this.calendars = calendars;
        this.time = time;
        this.outbox = outbox;
        this.wakeUp = wakeUp;
        this.vertx = vertx;
        // what the "clock not run" alert reads: named for the renewal clock, not for this class or its package
        this.completedRuns = runs(registry, "completed");
        this.failedRuns = runs(registry, "failed");
    }

    private static Counter runs(MeterRegistry registry, String outcome) {
        return Counter.builder("certboard.renewal.clock.runs").tag("outcome", outcome)
                .description("Catch-ups of the renewal clock (reminders, expiry, lapse) up to the board's today")
                .register(registry);
    }

    @Scheduled(every = "${certboard.renewal.job-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        trigger();
    }

    /** The sandbox moved the clock: catch up now rather than at the next tick, without holding up the request. */
    void onClockMoved(@Observes ClockMoved moved) {
        trigger();
    }

    /**
     * Starts a run in the background, on a fresh Vert.x context marked safe, because Hibernate Reactive must run on
     * an event loop and neither the scheduler's thread nor the HTTP request's context may be borrowed for it.
     */
    void trigger() {
        if (requests.getAndIncrement() > 0) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> runUntilNoRequests().subscribe().with(
                done -> LOG.debug("clock job caught up"),
                failure -> LOG.error("clock job stopped", failure)));
    }

    private Uni<Void> runUntilNoRequests() {
        int seen = requests.get();
        return runOnce()
                .onFailure().invoke(failure -> LOG.warn("clock job run failed; the next tick retries", failure))
                .onFailure().recoverWithNull()
                .chain(() -> requests.compareAndSet(seen, 0) ? Uni.createFrom().voidItem() : runUntilNoRequests());
    }

    /**
     * One catch-up up to the board's today. Must run on a safe Vert.x context; concurrent runs (in this or other
     * replicas) are safe, which is also why this is callable on its own.
     */
    Uni<Void> runOnce() {
        // a run that hangs (say, on a dead connection) must not keep every later trigger waiting behind it
        return catchUp(time.today()).ifNoItem().after(RUN_TIMEOUT).fail()
                .invoke(() -> completedRuns.increment())
                .onFailure().invoke(failure -> failedRuns.increment());
    }

    private Uni<Void> catchUp(LocalDate today) {
        // each batch's reminders and status changes leave as soon as it committed, not at the relay's next poll
        return Panache.withTransaction(() -> batch(today)).invoke(wakeUp::committed)
                .chain(claimed -> claimed < BATCH ? Uni.createFrom().voidItem() : catchUp(today));
    }

    private record Due(Certification certification, ClockAction action) {
    }

    private Uni<Integer> batch(LocalDate today) {
        return certifications.claimDue(today, BATCH)
                .chain(claimed -> {
                    List<Due> due = new ArrayList<>();
                    for (Certification certification : claimed) {
                        certification.dueBy(today, calendars.of(certification.program))
                                .forEach(action -> due.add(new Due(certification, action)));
                    }
                    due.sort(Comparator.comparing(d -> d.action().dueOn()));
                    Uni<Void> performed = Uni.createFrom().voidItem();
                    for (Due next : due) {
                        performed = performed.chain(() -> perform(next.certification(), next.action()));
                    }
                    return performed.invoke(() -> claimed.forEach(certification -> certification.caughtUpTo(today,
                            calendars.of(certification.program)))).replaceWith(claimed.size());
                });
    }

    /** Each action only from the status it applies to: what a retired or lapsed certification no longer gets. */
    private Uni<Void> perform(Certification certification, ClockAction action) {
        if (action instanceof ClockAction.Reminder reminder && certification.status == CertificationStatus.ACTIVE) {
            return certifications.recordReminder(certification, reminder, time.now())
                    .chain(first -> !first ? Uni.createFrom().voidItem()
                            : outbox.add(new RenewalReminderDue(certification.candidateId, certification.number,
                                    reminder.daysBefore(), reminder.dueOn(), certification.expiresOn,
                                    certification.program)));
        }
        if (action instanceof ClockAction.Expiry && certification.canExpire()) {
            return outbox.add(certification.expire(calendars.of(certification.program)));
        }
        if (action instanceof ClockAction.Lapse && certification.canLapse()) {
            return outbox.add(certification.lapse(calendars.of(certification.program)));
        }
        return Uni.createFrom().voidItem();
    }
}
