package org.certboard.candidate.profile;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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

/** A candidate's name changes: the person asks (or staff ask for them), and both read them. */
@Tag(name = "name changes", description = "A candidate's legal name, once the board relies on it, changes through a "
        + "request staff decide; the identity review lists what staff should look at")
@Path("/candidates/{id}/name-changes")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateNameChangeResource {
    private final NameChangeService changes;
    private final CandidateAccess access;

    public CandidateNameChangeResource(NameChangeService changes, CandidateAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "requestNameChange", summary = "Ask for a new legal name (staff decide)",
            description = "The candidate's name stays as it is (profile, verification, credentials) until staff "
            + "accept the request.")
    @APIResponse(responseCode = "201", description = "The request, PENDING", headers = {
            @Header(name = "Location", description = "/name-changes/{id}", schema = @Schema(type = SchemaType.STRING,
                    format = "uri")),
            @Header(name = "ETag", description = "The request's entity tag, for If-Match on its decision",
                    schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NameChangeView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    @APIResponse(responseCode = "409", description = "Name change already pending")
    @APIResponse(responseCode = "422", description = "Name unchanged: the requested name is the current one")
    public Uni<RestResponse<NameChangeView>> request(@PathParam("id") UUID id,
            @NotNull @Valid NameChangeRequest body) {
        return access.candidate(id).chain(() -> changes.request(id, body, access.actor()))
                .map(change -> RestResponse.ResponseBuilder.<NameChangeView>created(
                        URI.create("/name-changes/" + change.value().id())).entity(change.value())
                        .header(HttpHeaders.ETAG, change.etag()).build());
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "listCandidateNameChanges", summary = "A candidate's name changes, the latest first")
    @APIResponse(responseCode = "200", description = "A page of the candidate's name changes")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<Page<NameChangeView>> ofCandidate(@PathParam("id") UUID id, @BeanParam @Valid PageRequest paging) {
        return access.candidate(id).chain(() -> changes.ofCandidate(id, paging));
    }
}
