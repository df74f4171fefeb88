package org.certboard.candidate.application;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.certboard.candidate.persistence.Versioned;
import org.certboard.candidate.profile.CandidateAccess;
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

/** Applications by their own id: what staff act on. */
@Path("/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    private final ApplicationService applications;
    private final CandidateAccess access;

    public ApplicationResource(ApplicationService applications, CandidateAccess access) {
        this.applications = applications;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Tag(name = "applications")
    @Operation(operationId = "getApplication", summary = "Read an application")
    @APIResponse(responseCode = "200", description = "The application", headers = @Header(name = "ETag",
            description = "The application's entity tag, for If-Match on its decision",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application (or another person's)")
    public Uni<RestResponse<ApplicationView>> get(@PathParam("id") UUID id) {
        return access.record("application", id, () -> applications.candidateOf(id))
                .chain(() -> applications.get(id)).map(ApplicationResource::tagged);
    }

    /**
     * Settles an application UNDER_REVIEW; the staff member is recorded with the decision. Sent with the application's
     * ETag as If-Match, so two staff members cannot both decide it, the second unaware of the first.
     */
    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Tag(name = "applications")
    @Operation(operationId = "decideApplication", summary = "Decide an application under review (staff)")
    @APIResponse(responseCode = "200", description = "Decided", headers = @Header(name = "ETag",
            description = "The application's entity tag after the decision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Application not under review")
    @APIResponse(responseCode = "412", description = "The application changed since it was read (If-Match is "
            + "stale); nothing was written")
    @APIResponse(responseCode = "428", description = "If-Match missing: send the ETag of the application as read")
    public Uni<RestResponse<ApplicationView>> decide(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The application's ETag from GET /applications/{id}")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid StaffDecision body) {
        return applications.decide(id, body, access.actor(), ifMatch).map(ApplicationResource::tagged);
    }

    /** Withdraws an approval, ending the exam authorisation; the staff member is recorded with it. */
    @POST
    @Path("/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Tag(name = "applications")
    @Operation(operationId = "withdrawApplication",
            summary = "Withdraw an approval, ending the exam authorisation (staff)")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Application not approved")
    public Uni<ApplicationView> withdraw(@PathParam("id") UUID id, @NotNull @Valid Withdrawal body) {
        return applications.withdraw(id, body, access.actor());
    }

    /** The application with its ETag; also the answer of GET /candidates/{id}/application. */
    static RestResponse<ApplicationView> tagged(Versioned<ApplicationView> application) {
        return RestResponse.ResponseBuilder.ok(application.value()).header(HttpHeaders.ETAG, application.etag())
                .build();
    }
}
