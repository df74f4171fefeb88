package org.certboard.renewal.replay;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Topics;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.replay.Replayable;
import org.certboard.renewal.candidate.CandidateRepository;
import org.certboard.renewal.listener.CandidateEventsListener;

import io.smallrye.mutiny.Uni;

/**
 * renewal-service's view of candidates (names, accounts, licence expiry, eligibility basis), from the candidate
 * topic. The exam topic's consumer is not replayable: it issues and numbers certifications and writes the outbox.
 */
@ApplicationScoped
public class CandidateReplay implements Replayable {
    private final CandidateEventsListener listener;
    private final CandidateRepository candidates;

    public CandidateReplay(CandidateEventsListener listener, CandidateRepository candidates) {
        this.listener = listener;
        this.candidates = candidates;
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
        return candidates.deleteAll().replaceWithVoid();
    }

    @Override
    public EventHandlers handlers() {
        return listener.handlers();
    }
}
