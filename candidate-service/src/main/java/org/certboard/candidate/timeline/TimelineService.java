package org.certboard.candidate.timeline;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.events.Actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads a person's stored steps and has {@link Timeline} tell them in order. */
@ApplicationScoped
public class TimelineService {
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final TimelineRepository steps;
    private final CandidateRepository candidates;
    private final ObjectMapper json;

    public TimelineService(TimelineRepository steps, CandidateRepository candidates, ObjectMapper json) {
        this.steps = steps;
        this.candidates = candidates;
        this.json = json;
    }

    /** 404 for a candidate who does not exist; an empty list for one whose events have not arrived yet. */
    public Uni<List<TimelineEntry>> of(UUID candidateId) {
        return Panache.withSession(() -> candidates.require(candidateId).chain(() -> steps.of(candidateId)))
                .map(rows -> Timeline.tell(rows.stream().map(this::stored).toList()));
    }

    private Timeline.Stored stored(TimelineRow row) {
        try {
            return new Timeline.Stored(row.eventId, row.step, row.occurredAt, row.recordedAt, row.service, row.ref,
                    row.actorSubject == null ? null : new Actor(row.actorSubject, row.actorRole),
                    json.readValue(row.detail, DETAIL));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable timeline detail of event " + row.eventId, e);
        }
    }
}
