package org.certboard.candidate.timeline;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The timeline_entry table's statements. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineRow, TimelineRow.Key> {

    /** Stores a step once: a redelivered or replayed event finds its (event id, step) row and writes nothing. */
    public Uni<Void> insert(TimelineRow row) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into timeline_entry (event_id, step, candidate_id, occurred_at, recorded_at, service, ref,
                    actor_subject, actor_role, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, row.eventId).setParameter(2, row.step.name())
                .setParameter(3, row.candidateId).setParameter(4, row.occurredAt)
                .setParameter(5, row.recordedAt).setParameter(6, row.service)
                .setParameter(7, row.ref).setParameter(8, row.actorSubject)
                .setParameter(9, row.actorRole).setParameter(10, row.detail)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<TimelineRow>> of(UUID candidateId) {
        return list("candidateId", candidateId);
    }
}
