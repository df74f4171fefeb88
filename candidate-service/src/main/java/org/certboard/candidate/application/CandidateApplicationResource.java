package org.certboard.candidate.application;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.candidate.profile.CandidateAccess;
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

/** A candidate's application, addressed through the candidate. */
@Tag(name = "applications",
        description = "Eligibility applications: submitted by the candidate, decided by the board rules at once or "
        + "by staff after review, withdrawn by staff")
@Path("/candidates/{id}/application")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateApplicationResource {
    private final ApplicationService applications;
    private final CandidateAccess access;

    public CandidateApplicationResource(ApplicationService applications, CandidateAccess access) {
        this.applications = applications;
        this.access = access;
    }

    /** Submits and decides at once: clear cases come back APPROVED or DENIED, doubtful ones UNDER_REVIEW. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "submitApplication", summary = "Submit an eligibility application",
            description = "Decided at once: clear cases come back APPROVED or DENIED, doubtful ones UNDER_REVIEW.")
    @APIResponse(responseCode = "201", description = "Submitted and decided", headers = @Header(name = "Location",
            description = "The application, /applications/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    @APIResponse(responseCode = "409", description = "Application already open (one under review or approved)")
    public Uni<RestResponse<ApplicationView>> submit(@PathParam("id") UUID id, @NotNull @Valid Submission body) {
        return access.candidate(id).chain(() -> applications.submit(id, body, access.actor())).map(view -> RestResponse.ResponseBuilder
                .<ApplicationView>created(URI.create("/applications/" + view.id())).entity(view).build());
    }

    /** The candidate's latest application. */
    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getLatestApplication", summary = "Read a candidate's latest application")
    @APIResponse(responseCode = "200", description = "The latest application", headers = @Header(name = "ETag",
            description = "The application's entity tag, for If-Match on its decision",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate, or no application yet")
    public Uni<RestResponse<ApplicationView>> latest(@PathParam("id") UUID id) {
        return access.candidate(id).chain(() -> applications.latest(id)).map(ApplicationResource::tagged);
    }
}
