package org.certboard.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The operator's side of the relay's parking: outbox records Kafka refused for good, each holding back the later
 * records of its key. Re-send one after fixing the cause (topic created, size limit raised), or discard it; either
 * releases the records behind it.
 */
@Path("/admin/outbox/parked")
@Tag(name = "operations", description = "Operations (admin): dead letters, parked outbox records and projection replays of this service")
@RolesAllowed("admin")
public class ParkedRecordResource {

    public record ParkedRecord(UUID id, String topic, String key, String type, Instant parkedAt, String reason,
            long waitingBehind) {
    }

    @GET
    @Operation(operationId = "list{service}ParkedRecords",
            summary = "Outbox records parked because Kafka will not accept them, oldest first")
    public Uni<List<ParkedRecord>> list() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                select p.id, p.topic, p.event_key, p.type, p.parked_at, p.park_reason,
                    (select count(*) from outbox_event w where w.event_key = p.event_key and w.published_at is null
                        and w.parked_at is null and w.seq > p.seq)
                from outbox_event p where p.parked_at is not null and p.published_at is null order by p.seq""",
                Object[].class).getResultList()))
                .map(rows -> rows.stream().map(row -> new ParkedRecord((UUID) row[0], (String) row[1], (String) row[2],
                        (String) row[3], instant(row[4]), (String) row[5], ((Number) row[6]).longValue())).toList());
    }

    @POST
    @Path("/{id}/resend")
    @Operation(operationId = "resend{service}ParkedRecord",
            summary = "Send a parked record again (after its cause is fixed); the records behind it follow")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such parked event or record")
    public Uni<Void> resend(@PathParam("id") UUID id) {
        return update(id, "update outbox_event set parked_at = null where id = :id and parked_at is not null"
                + " and published_at is null");
    }

    @POST
    @Path("/{id}/discard")
    @Operation(operationId = "discard{service}ParkedRecord",
            summary = "Give up a parked record for good; the records behind it are published")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such parked event or record")
    public Uni<Void> discard(@PathParam("id") UUID id) {
        return update(id, "update outbox_event set published_at = clock_timestamp(),"
                + " park_reason = 'discarded by the operator: ' || park_reason"
                + " where id = :id and parked_at is not null and published_at is null");
    }

    private static Uni<Void> update(UUID id, String sql) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("id", id).executeUpdate()))
                .invoke(updated -> {
                    if (updated == 0) {
                        throw ProblemException.notFound("parked outbox record", id);
                    }
                })
                .replaceWithVoid();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
