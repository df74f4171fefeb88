package org.certboard.candidate.mail;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What was sent to whom, for staff, and the bounces the board's mail system reports. */
@ApplicationScoped
public class MailLog {
    private final MailRepository mails;
    private final CandidateRepository candidates;
    private final BoardTime time;
    private final Counter bounced;

    public MailLog(MailRepository mails, CandidateRepository candidates, BoardTime time, MeterRegistry registry) {
        this.mails = mails;
        this.candidates = candidates;
        this.time = time;
        this.bounced = Counter.builder("certboard.mail.bounced")
                .description("Mail reported undeliverable after the SMTP server accepted it").register(registry);
    }

    /** The person's mail, oldest first; 404 for an unknown candidate. */
    public Uni<Page<MailView>> of(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> candidates.require(candidateId)
                .chain(() -> mails.ofCandidate(candidateId, paging)));
    }

    public Uni<Page<MailView>> problems(PageRequest paging) {
        return Panache.withSession(() -> mails.problems(paging));
    }

    /** Records the bounce; 404 when no mail with that Message-ID was sent. */
    public Uni<Void> bounce(Bounce bounce) {
        return Panache.withTransaction(() -> mails.bounced(bounce.messageId(), time.now(), bounce.reason()))
                .invoke(found -> {
                    if (!found) {
                        // (what, id), not (title, detail): the Message-ID is text
                        throw Refusal.notFound("sent mail", bounce.messageId());
                    }
                    bounced.increment();
                }).replaceWithVoid();
    }
}
