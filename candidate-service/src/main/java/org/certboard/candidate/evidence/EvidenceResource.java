package org.certboard.candidate.evidence;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** The evidence a candidate adds to their file; it is read back as part of GET /candidates/{id}. */
@Tag(name = "evidence",
        description = "What a candidate adds to their file for eligibility: licences, degrees, work experience; "
        + "read back with the candidate")
@Path("/candidates/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
public class EvidenceResource {
    private final EvidenceService evidence;
    private final CandidateAccess access;

    public EvidenceResource(EvidenceService evidence, CandidateAccess access) {
        this.evidence = evidence;
        this.access = access;
    }

    @POST
    @Path("/licences")
    @Operation(operationId = "addLicence", summary = "Add a professional licence to a candidate's file")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location",
            description = "The candidate's file, /candidates/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LicenceView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<RestResponse<LicenceView>> addLicence(@PathParam("id") UUID id, @NotNull @Valid NewLicence body) {
        return access.candidate(id).chain(() -> evidence.addLicence(id, body)).map(view -> created(id, view));
    }

    @POST
    @Path("/degrees")
    @Operation(operationId = "addDegree", summary = "Add an academic degree to a candidate's file")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location",
            description = "The candidate's file, /candidates/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DegreeView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<RestResponse<DegreeView>> addDegree(@PathParam("id") UUID id, @NotNull @Valid NewDegree body) {
        return access.candidate(id).chain(() -> evidence.addDegree(id, body)).map(view -> created(id, view));
    }

    @POST
    @Path("/experience")
    @Operation(operationId = "addExperience", summary = "Add a period of work experience to a candidate's file")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location",
            description = "The candidate's file, /candidates/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExperienceView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<RestResponse<ExperienceView>> addExperience(@PathParam("id") UUID id,
            @NotNull @Valid NewExperience body) {
        return access.candidate(id).chain(() -> evidence.addExperience(id, body)).map(view -> created(id, view));
    }

    /** Entries have no URI of their own: they are read back within the candidate's file, which the location names. */
    private static <T> RestResponse<T> created(UUID candidateId, T view) {
        return RestResponse.ResponseBuilder.<T>created(URI.create("/candidates/" + candidateId)).entity(view).build();
    }
}
