package org.certboard.renewal.replay;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Topics;
import org.certboard.platform.replay.Replayable;
import org.certboard.renewal.candidate.CandidateEvents;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * renewal-service's view of candidates (names, accounts, licence expiry, eligibility basis), from the candidate
 * topic. The exam topic's consumer is not replayable: it issues and numbers certifications and writes the outbox.
 */
@ApplicationScoped
public class CandidateReplay implements Replayable {
    private final CandidateEvents events;

    public CandidateReplay(CandidateEvents events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "candidates";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CANDIDATE_EVENTS);
    }

    @Override
    public Uni<Void> reset() {
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from candidate")
                .executeUpdate()).replaceWithVoid();
    }

    @Override
    public Uni<Void> consume(Message<String> message) {
        return events.onCandidateEvent(message);
    }
}
