package org.certboard.candidate.profile;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.certboard.candidate.persistence.Versioned;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Name changes by their own id: what staff work through and decide. */
@Tag(name = "name changes", description = "A candidate's legal name, once the board relies on it, changes through a "
        + "request staff decide; the identity review lists what staff should look at")
@Path("/name-changes")
@Produces(MediaType.APPLICATION_JSON)
public class NameChangeResource {
    private final NameChangeService changes;
    private final CandidateAccess access;

    public NameChangeResource(NameChangeService changes, CandidateAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "listNameChanges", summary = "Name changes in a status, the oldest first (staff)",
            description = "By default the PENDING requests: staff's work queue.")
    public Uni<Page<NameChangeView>> inStatus(
            @QueryParam("status") @DefaultValue("PENDING") NameChange.Status status,
            @BeanParam @Valid PageRequest paging) {
        return changes.inStatus(status, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getNameChange", summary = "Read a name change")
    @APIResponse(responseCode = "200", description = "The name change", headers = @Header(name = "ETag",
            description = "The request's entity tag, for If-Match on its decision",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NameChangeView.class)))
    @APIResponse(responseCode = "404", description = "No such name change (or another person's)")
    public Uni<RestResponse<NameChangeView>> get(@PathParam("id") UUID id) {
        return access.record("name change", id, () -> changes.candidateOf(id)).chain(() -> changes.get(id))
                .map(NameChangeResource::tagged);
    }

    /** Sent with the request's ETag as If-Match, so two staff members cannot both decide it. */
    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "decideNameChange", summary = "Accept or reject a pending name change (staff)",
            description = "Accepting renames the candidate: CandidateUpdated carries the new name to the other "
            + "services, then NameChangeDecided; the staff member is recorded.")
    @APIResponse(responseCode = "200", description = "Decided", headers = @Header(name = "ETag",
            description = "The request's entity tag after the decision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NameChangeView.class)))
    @APIResponse(responseCode = "404", description = "No such name change")
    @APIResponse(responseCode = "409", description = "Name change not pending")
    @APIResponse(responseCode = "412", description = "The request changed since it was read (If-Match is stale); "
            + "nothing was written")
    @APIResponse(responseCode = "428", description = "If-Match missing: send the ETag of the request as read")
    public Uni<RestResponse<NameChangeView>> decide(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The request's ETag from GET /name-changes/{id}")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid NameChangeDecision body) {
        return changes.decide(id, body, access.actor(), ifMatch).map(NameChangeResource::tagged);
    }

    private static RestResponse<NameChangeView> tagged(Versioned<NameChangeView> change) {
        return RestResponse.ResponseBuilder.ok(change.value()).header(HttpHeaders.ETAG, change.etag()).build();
    }
}
