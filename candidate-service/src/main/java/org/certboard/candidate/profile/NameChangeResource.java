package org.certboard.candidate.profile;

import java.net.URI;
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

/** Changes of legal name: a candidate asks, staff decide; staff also read what needs a look about identities. */
@Tag(name = "name changes", description = "A candidate's legal name, once the board relies on it, changes through a "
        + "request staff decide; the identity review lists what staff should look at")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NameChangeResource {
    private final NameChangeService changes;
    private final CandidateService candidates;
    private final CandidateAccess access;

    public NameChangeResource(NameChangeService changes, CandidateService candidates, CandidateAccess access) {
        this.changes = changes;
        this.candidates = candidates;
        this.access = access;
    }

    @POST
    @Path("/candidates/{id}/name-changes")
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
    @Path("/candidates/{id}/name-changes")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "listCandidateNameChanges", summary = "A candidate's name changes, the latest first")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<Page<NameChangeView>> ofCandidate(@PathParam("id") UUID id, @BeanParam @Valid PageRequest paging) {
        return access.candidate(id).chain(() -> changes.ofCandidate(id, paging));
    }

    @GET
    @Path("/name-changes")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "listNameChanges", summary = "Name changes in a status, the oldest first (staff)",
            description = "By default the PENDING requests: staff's work queue.")
    public Uni<Page<NameChangeView>> inStatus(
            @QueryParam("status") @DefaultValue("PENDING") NameChange.Status status,
            @BeanParam @Valid PageRequest paging) {
        return changes.inStatus(status, paging);
    }

    @GET
    @Path("/name-changes/{id}")
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
    @Path("/name-changes/{id}/decision")
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

    @GET
    @Path("/identity-review")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "identityReview", summary = "What staff should look at about identities, oldest first",
            description = "EMAIL_NOT_CONFIRMED: a profile whose address its account has not confirmed (bound before "
            + "addresses were checked, or its account's verified address is held by another profile); "
            + "PROFILE_CLAIMED: a paper applicant's profile an account claimed; NAME_CHANGED_AFTER_DECISION: a name "
            + "changed after the board relied on it, before such changes went through staff.")
    public Uni<Page<IdentityFinding.View>> identityReview(@BeanParam @Valid PageRequest paging) {
        return candidates.identityReview(paging);
    }

    private static RestResponse<NameChangeView> tagged(Versioned<NameChangeView> change) {
        return RestResponse.ResponseBuilder.ok(change.value()).header(HttpHeaders.ETAG, change.etag()).build();
    }
}
