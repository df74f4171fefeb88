package org.certboard.platform.outbox;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
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

    private final ParkedRecords parked;

    public ParkedRecordResource(ParkedRecords parked) {
        this.parked = parked;
    }

    @GET
    @Operation(operationId = "list{service}ParkedRecords",
            summary = "Outbox records parked because Kafka will not accept them, oldest first, a page at a time")
    public Uni<Page<ParkedRecords.ParkedRecord>> list(@BeanParam @Valid PageRequest paging) {
        return Panache.withSession(() -> parked.page(paging));
    }

    @POST
    @Path("/{id}/resend")
    @Operation(operationId = "resend{service}ParkedRecord",
            summary = "Send a parked record again (after its cause is fixed); the records behind it follow")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such parked event or record")
    public Uni<Void> resend(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> parked.resend(id));
    }

    @POST
    @Path("/{id}/discard")
    @Operation(operationId = "discard{service}ParkedRecord",
            summary = "Give up a parked record for good; the records behind it are published")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such parked event or record")
    public Uni<Void> discard(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> parked.discard(id));
    }
}
