package org.certboard.platform.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The operator's side of dead-letter parking (see docs/operations.md, "Dead letters"): list what this service
 * dead-lettered and what waits behind it, then re-publish a dead letter after fixing its cause, or discard it.
 * Either releases the events of its key that waited behind it.
 */
@Path("/admin/dead-letters")
@Tag(name = "operations", description = "Operations (admin): dead letters, parked outbox records and projection replays of this service")
@RolesAllowed("admin")
public class DeadLetterResource {

    public record DeadLetter(UUID eventId, String topic, String key, String type, Instant parkedAt, String reason,
            long waitingBehind) {
    }

    private final DeadLetterParking parking;

    public DeadLetterResource(DeadLetterParking parking) {
        this.parking = parking;
    }

    @GET
    @Operation(operationId = "list{service}DeadLetters",
            summary = "Events this service dead-lettered and has not re-published or discarded, oldest first")
    public Uni<List<DeadLetter>> list() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                select d.event_id, d.topic, d.event_key, d.type, d.parked_at, d.reason,
                    (select count(*) from parked_event w where w.topic = d.topic and w.event_key = d.event_key
                        and w.seq > d.seq)
                from parked_event d where d.dead_letter and not d.republished order by d.seq""", Object[].class)
                .getResultList()))
                .map(rows -> rows.stream().map(row -> new DeadLetter((UUID) row[0], (String) row[1], (String) row[2],
                        (String) row[3], instant(row[4]), (String) row[5], ((Number) row[6]).longValue())).toList());
    }

    @POST
    @Path("/{eventId}/republish")
    @Operation(operationId = "republish{service}DeadLetter",
            summary = "Send the dead letter back to its topic to be applied again; the events waiting behind it"
            + " follow in order")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such parked event or record")
    public Uni<Void> republish(@PathParam("eventId") UUID eventId) {
        return Panache.withTransaction(() -> parking.republish(eventId));
    }

    @POST
    @Path("/{eventId}/discard")
    @Operation(operationId = "discard{service}DeadLetter",
            summary = "Give the dead letter up (it will never be applied here); the events waiting behind it are"
            + " applied")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such parked event or record")
    public Uni<Void> discard(@PathParam("eventId") UUID eventId) {
        return Panache.withTransaction(() -> parking.discard(eventId));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }
}
