package org.certboard.candidate.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Admin: partners' webhook subscriptions, their secrets and what was delivered to them (docs/integrations.md). */
@Path("/webhook-subscriptions")
@Tag(name = "webhooks", description = "Signed HTTPS webhooks for partners without Kafka: subscriptions, deliveries, "
        + "replays (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SubscriptionResource {
    private final SubscriptionService subscriptions;

    public SubscriptionResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription",
            summary = "Subscribe a partner's HTTPS endpoint; the answer shows the signing secret, once")
    @APIResponse(responseCode = "201", description = "Created; `secret` is never shown again",
            headers = @Header(name = "Location", description = "The subscription, /webhook-subscriptions/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<RestResponse<SubscriptionView>> create(@NotNull @Valid NewSubscription body) {
        return subscriptions.create(body).map(view -> RestResponse.ResponseBuilder.<SubscriptionView>created(
                URI.create("/webhook-subscriptions/" + view.id())).entity(view).build());
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "The subscriptions, a page at a time")
    public Uni<Page<SubscriptionView>> list(@BeanParam @Valid PageRequest paging) {
        return subscriptions.list(paging);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "A subscription (without its secret)")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchWebhookSubscription",
            summary = "Pause or resume a subscription, or change its URL or event types")
    public Uni<SubscriptionView> patch(@PathParam("id") UUID id, @NotNull @Valid SubscriptionPatch body) {
        return subscriptions.patch(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription",
            summary = "End a subscription: its pending deliveries and history go with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return subscriptions.delete(id);
    }

    @POST
    @Path("/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret",
            summary = "A new signing secret, shown once; the old one keeps signing for the overlap window")
    public Uni<SubscriptionView> rotate(@PathParam("id") UUID id) {
        return subscriptions.rotate(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "A subscription's deliveries, newest first, optionally of one status")
    public Uni<Page<Delivery>> deliveries(@PathParam("id") UUID id, @QueryParam("status") DeliveryStatus status,
            @BeanParam @Valid PageRequest paging) {
        return subscriptions.deliveries(id, status, paging);
    }
}
