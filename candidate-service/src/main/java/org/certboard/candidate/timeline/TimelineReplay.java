package org.certboard.candidate.timeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Topics;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.replay.Replayable;

import io.smallrye.mutiny.Uni;

/** The timeline is rebuilt from all three topics; it is this service's only consumer. */
@ApplicationScoped
public class TimelineReplay implements Replayable {
    private final TimelineListener listener;
    private final TimelineRepository steps;

    public TimelineReplay(TimelineListener listener, TimelineRepository steps) {
        this.listener = listener;
        this.steps = steps;
    }

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CANDIDATE_EVENTS, Topics.EXAM_EVENTS, Topics.RENEWAL_EVENTS);
    }

    @Override
    public Uni<Void> reset() {
        return steps.deleteAll().replaceWithVoid();
    }

    @Override
    public EventHandlers handlers() {
        return listener.handlers();
    }
}
