package org.certboard.candidate.webhook;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Admin: one delivery with every attempt, and its replay. */
@Path("/webhook-deliveries")
@Tag(name = "webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeliveryResource {
    private final SubscriptionService subscriptions;

    public DeliveryResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookDelivery",
            summary = "A delivery with every attempt: outcome, status code, latency, the start of the answer")
    public Uni<DeliveryView> get(@PathParam("id") UUID id) {
        return subscriptions.delivery(id);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayWebhookDelivery",
            summary = "Send a parked or delivered event again, from the start of the retry schedule")
    @APIResponse(responseCode = "200", description = "Pending again; the sender tries it at once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is still pending")
    public Uni<DeliveryView> replay(@PathParam("id") UUID id) {
        return subscriptions.replay(id);
    }
}
