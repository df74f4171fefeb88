package org.certboard.candidate.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The timeline_entry table's statements. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineRow, TimelineRow.Key> {

    /**
     * Stores the steps with one statement whatever their number, each once: a redelivered or replayed event finds its
     * (event id, step) row and writes nothing. The columns travel as arrays and unnest() turns them back into rows;
     * times as text, cut to the microseconds the column keeps, as a bound timestamp would be.
     */
    public Uni<Void> insertAll(List<TimelineRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into timeline_entry (event_id, step, candidate_id, occurred_at, recorded_at, service, ref,
                    actor_subject, actor_role, detail)
                select * from unnest(cast(:eventIds as uuid[]), cast(:steps as text[]), cast(:candidateIds as uuid[]),
                    cast(cast(:occurredAt as text[]) as timestamptz[]),
                    cast(cast(:recordedAt as text[]) as timestamptz[]),
                    cast(:services as text[]), cast(:refs as text[]), cast(:actorSubjects as text[]),
                    cast(:actorRoles as text[]), cast(:details as text[]))
                on conflict do nothing""")
                .setParameter("eventIds", rows.stream().map(row -> row.eventId).toArray(UUID[]::new))
                .setParameter("steps", column(rows, row -> row.step.name()))
                .setParameter("candidateIds", rows.stream().map(row -> row.candidateId).toArray(UUID[]::new))
                .setParameter("occurredAt", column(rows, row -> micros(row.occurredAt)))
                .setParameter("recordedAt", column(rows, row -> micros(row.recordedAt)))
                .setParameter("services", column(rows, row -> row.service))
                .setParameter("refs", column(rows, row -> row.ref))
                .setParameter("actorSubjects", column(rows, row -> row.actorSubject))
                .setParameter("actorRoles", column(rows, row -> row.actorRole))
                .setParameter("details", column(rows, row -> row.detail))
                .executeUpdate())
                .replaceWithVoid();
    }

    private static String[] column(List<TimelineRow> rows, Function<TimelineRow, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static String micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    public Uni<List<TimelineRow>> of(UUID candidateId) {
        return list("candidateId", candidateId);
    }
}
