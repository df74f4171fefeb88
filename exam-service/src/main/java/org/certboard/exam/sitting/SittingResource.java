package org.certboard.exam.sitting;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.http.Preconditions;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Sittings inside testing windows, managed by staff; the list shows the seats left. */
@Tag(name = "sittings",
        description = "Sittings: one site at one time inside a window, with a capacity; what candidates book")
@Path("/sittings")
public class SittingResource {

    private final SittingService sittings;

    public SittingResource(SittingService sittings) {
        this.sittings = sittings;
    }

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "createSitting", summary = "Schedule a sitting inside a window (staff)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location",
            description = "The sitting, /sittings/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SittingView.class)))
    public Uni<RestResponse<SittingView>> create(@NotNull @Valid NewSitting body) {
        return sittings.schedule(body)
                .map(sitting -> RestResponse.ResponseBuilder.<SittingView>created(URI.create("/sittings/" + sitting.id))
                        .entity(SittingView.of(sitting)).build());
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR, Roles.ADMIN })
    @Operation(operationId = "listSittings", summary = "List sittings, a page at a time",
            description = "Optionally of one window, or only those with seats left and open for booking. Ordered by "
            + "start, then id.")
    public Uni<Page<SittingView>> list(@QueryParam("windowId") UUID windowId,
            @QueryParam("available") boolean available,
            @BeanParam @Valid PageRequest paging) {
        return sittings.list(windowId, available, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR, Roles.ADMIN })
    @Operation(operationId = "getSitting", summary = "Read a sitting")
    @APIResponse(responseCode = "200", description = "The sitting", headers = @Header(name = "ETag",
            description = "Its version, to send as `If-Match` when changing its capacity",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SittingView.class)))
    @APIResponse(responseCode = "404", description = "No such sitting")
    public Uni<RestResponse<SittingView>> get(@PathParam("id") UUID id) {
        return sittings.get(id).map(SittingResource::tagged);
    }

    /** Changes the capacity, on the version the caller read only; refused below the seats already booked. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "changeSittingCapacity", summary = "Change a sitting's capacity (staff)")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag",
            description = "The sitting's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SittingView.class)))
    @APIResponse(responseCode = "404", description = "No such sitting")
    @APIResponse(responseCode = "409",
            description = "Capacity below bookings: `seatsBooked` names how many seats are taken")
    @APIResponse(responseCode = "412", description = "Precondition failed: the sitting changed since it was read "
            + "(`currentETag`); nothing was written")
    @APIResponse(responseCode = "428", description = "Precondition required: `If-Match` is missing")
    public Uni<RestResponse<SittingView>> resize(@PathParam("id") UUID id,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true,
                    description = "The `ETag` of the sitting as read (`GET /sittings/{id}`)",
                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CapacityChange body) {
        return sittings.resize(id, body.capacity(), ifMatch).map(SittingResource::tagged);
    }

    /** The sitting with its ETag. */
    private static RestResponse<SittingView> tagged(Sitting sitting) {
        return RestResponse.ResponseBuilder.ok(SittingView.of(sitting))
                .header(HttpHeaders.ETAG, Preconditions.etag(sitting.version)).build();
    }
}
