package org.certboard.candidate.timeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Topics;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.replay.Replayable;

import io.smallrye.mutiny.Uni;

/**
 * The timeline is rebuilt from all three topics: this service's only projection. A replay applies the timeline's
 * handlers alone, so it sends no webhook and no mail.
 */
@ApplicationScoped
public class TimelineReplay implements Replayable {
    private final TimelineProjection projection;
    private final TimelineRepository steps;

    public TimelineReplay(TimelineProjection projection, TimelineRepository steps) {
        this.projection = projection;
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
        return projection.handlers();
    }
}
