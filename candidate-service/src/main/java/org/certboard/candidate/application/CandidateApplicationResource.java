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
import org.certboard.events.ProgramCode;
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

/**
 * A candidate's applications, addressed through the candidate: one per credential program at a time. The singular
 * {@code /application} predates programs and stays CCM's, the one program the board ran then.
 */
@Tag(name = "applications",
        description = "Eligibility applications: submitted by the candidate to a credential program, decided by "
        + "that program's rules at once or by staff after review, withdrawn by staff")
@Path("/candidates/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateApplicationResource {
    /** The program of the singular path, written before programs existed. */
    private static final String SINGULAR = ProgramCode.LEGACY;

    private final ApplicationService applications;
    private final CandidateAccess access;

    public CandidateApplicationResource(ApplicationService applications, CandidateAccess access) {
        this.applications = applications;
        this.access = access;
    }

    /** Submits to CCM and decides at once: clear cases come back APPROVED or DENIED, doubtful ones UNDER_REVIEW. */
    @POST
    @Path("/application")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "submitApplication", summary = "Submit an eligibility application to CCM",
            description = "The CCM program's application (the path predates programs; "
                    + "POST /candidates/{id}/applications/CCM is the same). Decided at once: clear cases come back "
                    + "APPROVED or DENIED, doubtful ones UNDER_REVIEW.")
    @APIResponse(responseCode = "201", description = "Submitted and decided", headers = @Header(name = "Location",
            description = "The application, /applications/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    @APIResponse(responseCode = "409", description = "Application already open (one under review or approved)")
    public Uni<RestResponse<ApplicationView>> submit(@PathParam("id") UUID id, @NotNull @Valid Submission body) {
        return submitTo(id, SINGULAR, body);
    }

    /** The candidate's latest CCM application. */
    @GET
    @Path("/application")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getLatestApplication", summary = "Read a candidate's latest CCM application",
            description = "The path predates programs; GET /candidates/{id}/applications/CCM is the same.")
    @APIResponse(responseCode = "200", description = "The latest application", headers = @Header(name = "ETag",
            description = "The application's entity tag, for If-Match on its decision",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate, or no application yet")
    public Uni<RestResponse<ApplicationView>> latest(@PathParam("id") UUID id) {
        return latestOf(id, SINGULAR);
    }

    /** Submits to a program and decides at once by that program's rules. */
    @POST
    @Path("/applications/{program}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "submitProgramApplication",
            summary = "Submit an eligibility application to a credential program",
            description = "Decided at once by the program's pathways: clear cases come back APPROVED or DENIED, "
                    + "doubtful ones UNDER_REVIEW. One open application per program: an open one in another "
                    + "program does not block.")
    @APIResponse(responseCode = "201", description = "Submitted and decided", headers = @Header(name = "Location",
            description = "The application, /applications/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's), or no such program")
    @APIResponse(responseCode = "409", description = "An application to this program is already open (one under "
            + "review or approved)")
    public Uni<RestResponse<ApplicationView>> submitToProgram(@PathParam("id") UUID id,
            @Parameter(description = "The program's code (docs/programs.md)", example = "ACM")
            @PathParam("program") String program, @NotNull @Valid Submission body) {
        return submitTo(id, program, body);
    }

    /** The candidate's latest application to a program. */
    @GET
    @Path("/applications/{program}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getLatestProgramApplication",
            summary = "Read a candidate's latest application to a credential program")
    @APIResponse(responseCode = "200", description = "The latest application to the program",
            headers = @Header(name = "ETag", description = "The application's entity tag, for If-Match on its "
            + "decision", schema = @Schema(type = SchemaType.STRING)), content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate or program, or no application to it yet")
    public Uni<RestResponse<ApplicationView>> latestOfProgram(@PathParam("id") UUID id,
            @Parameter(description = "The program's code (docs/programs.md)", example = "ACM")
            @PathParam("program") String program) {
        return latestOf(id, program);
    }

    private Uni<RestResponse<ApplicationView>> submitTo(UUID id, String program, Submission body) {
        return access.candidate(id).chain(() -> applications.submit(id, program, body, access.actor()))
                .map(view -> RestResponse.ResponseBuilder.<ApplicationView>created(
                        URI.create("/applications/" + view.id())).entity(view).build());
    }

    private Uni<RestResponse<ApplicationView>> latestOf(UUID id, String program) {
        return access.candidate(id).chain(() -> applications.latest(id, program)).map(ApplicationResource::tagged);
    }
}
