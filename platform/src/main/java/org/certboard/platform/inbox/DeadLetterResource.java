package org.certboard.platform.inbox;

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
 * The operator's side of dead-letter parking (see docs/operations.md, "Dead letters"): list what this service
 * dead-lettered and what waits behind it, then re-publish a dead letter after fixing its cause, or discard it.
 * Either releases the events of its key that waited behind it.
 */
@Path("/admin/dead-letters")
@Tag(name = "operations", description = "Operations (admin): dead letters, parked outbox records and projection replays of this service")
@RolesAllowed("admin")
public class DeadLetterResource {

    private final DeadLetterParking parking;
    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetterParking parking, DeadLetters deadLetters) {
        this.parking = parking;
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(operationId = "list{service}DeadLetters",
            summary = "Events this service dead-lettered and has not re-published or discarded, oldest first, a page"
                    + " at a time")
    public Uni<Page<DeadLetters.DeadLetter>> list(@BeanParam @Valid PageRequest paging) {
        return Panache.withSession(() -> deadLetters.page(paging));
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
}
