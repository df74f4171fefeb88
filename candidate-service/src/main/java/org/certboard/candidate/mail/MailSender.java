package org.certboard.candidate.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.clock.BoardTime;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.SMTPException;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;

/**
 * Sends PENDING mail, at least once. Each run locks a batch of due rows (FOR UPDATE SKIP LOCKED, so replicas share
 * the work), hands each to the SMTP server and marks it SENT in the same transaction. A crash after the server
 * accepted a mail and before the commit leaves it PENDING: it is sent again, with the same Message-ID, which is how
 * the receiving side recognises the repeat. A temporary failure (4xx, no connection) is retried with backoff; a
 * permanent refusal (5xx) is recorded REFUSED and counted.
 */
@ApplicationScoped
public class MailSender {
    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final MailRepository mails;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final BoardTime time;
    private final Vertx vertx;
    private final Counter sent;
    private final Counter refused;
    private final Counter deferred;
    private volatile boolean running;

    public MailSender(MailRepository mails, ReactiveMailer mailer, MailConfig config, BoardTime time, Vertx vertx,
            MeterRegistry registry) {
        this.mails = mails;
        this.mailer = mailer;
        this.config = config;
        this.time = time;
        this.vertx = vertx;
        this.sent = Counter.builder("certboard.mail.sent").description("Mail the SMTP server accepted")
                .register(registry);
        this.refused = Counter.builder("certboard.mail.refused")
                .description("Mail the SMTP server refused for good (5xx): recorded REFUSED").register(registry);
        this.deferred = Counter.builder("certboard.mail.deferred")
                .description("Send attempts that failed for now (4xx, no connection) and will be retried")
                .register(registry);
    }

    @Scheduled(every = "${certboard.mail.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (running) {
            return;
        }
        running = true;
        // Hibernate Reactive needs an event loop: a fresh duplicated context marked safe, as the clock job does
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> sendDue().ifNoItem().after(RUN_TIMEOUT).fail()
                .onTermination().invoke(() -> running = false)
                .subscribe().with(done -> {
                }, failure -> LOG.warn("mail run failed; the next tick retries", failure)));
    }

    /** Sends batches until none is left due. */
    Uni<Void> sendDue() {
        return Panache.withTransaction(() -> mails.lockDue(time.now(), config.batchSize())
                .chain(this::sendAll))
                .chain(count -> count < config.batchSize() ? Uni.createFrom().voidItem() : sendDue());
    }

    private Uni<Integer> sendAll(List<MailRepository.Due> due) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (MailRepository.Due mail : due) {
            done = done.chain(() -> send(mail));
        }
        return done.replaceWith(due.size());
    }

    private Uni<Void> send(MailRepository.Due due) {
        Mail mail = Mail.withText(due.recipient(), due.subject(), due.textBody()).setHtml(due.htmlBody())
                .setFrom(config.from()).addHeader("Message-ID", due.messageId());
        return mailer.send(mail)
                .invoke(() -> {
                    if (config.crashAfterAccept()) {
                        // the crash test's window: accepted by the server, not yet recorded as sent
                        LOG.errorf("certboard.mail.crash-after-accept: halting after %s was accepted", due.messageId());
                        Runtime.getRuntime().halt(137);
                    }
                })
                .chain(() -> mails.sent(due.messageId(), time.now()).invoke(() -> sent.increment()))
                .onFailure(MailSender::permanent).recoverWithUni(failure -> {
                    refused.increment();
                    LOG.warnf("mail %s refused: %s", due.messageId(), failure.getMessage());
                    return mails.refused(due.messageId(), time.now(), failure.getMessage());
                })
                .onFailure().recoverWithUni(failure -> {
                    deferred.increment();
                    Instant next = time.now().plus(backoff(due.attempts()));
                    LOG.infof("mail %s not sent (%s); next attempt at %s", due.messageId(), failure.getMessage(),
                            next);
                    return mails.retryAt(due.messageId(), next, String.valueOf(failure.getMessage()));
                });
    }

    /** The first backoff doubled per attempt made, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff();
        for (int i = 0; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
        }
        return false;
    }
}
