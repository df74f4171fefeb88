package org.certboard.candidate.file;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** A candidate's whole file: profile, evidence and latest application. */
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateFileResource {
    private final CandidateFileService files;
    private final CandidateAccess access;

    public CandidateFileResource(CandidateFileService files, CandidateAccess access) {
        this.files = files;
        this.access = access;
    }

    /** The caller's own profile, so a front end never needs to know the id first. */
    @GET
    @Path("/me")
    @RolesAllowed(Roles.CANDIDATE)
    @Tag(name = "candidates")
    @Operation(operationId = "getMyCandidateProfile", summary = "Read the caller's own candidate file")
    @APIResponse(responseCode = "200", description = "The caller's file", headers = @Header(name = "ETag",
            description = "The candidate's entity tag, for If-Match on PATCH /candidates/{id}",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CandidateProfile.class)))
    @APIResponse(responseCode = "404", description = "Not registered: no profile is bound to this account yet")
    public Uni<RestResponse<CandidateProfile>> me() {
        return access.self().chain(files::profile).map(CandidateFileResource::tagged);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Tag(name = "candidates")
    @Operation(operationId = "getCandidate",
            summary = "Read a candidate's file (profile, evidence, latest application)")
    @APIResponse(responseCode = "200", description = "The file", headers = @Header(name = "ETag",
            description = "The candidate's entity tag, for If-Match on PATCH /candidates/{id}",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CandidateProfile.class)))
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<RestResponse<CandidateProfile>> get(@PathParam("id") UUID id) {
        return access.candidate(id).chain(() -> files.profile(id)).map(CandidateFileResource::tagged);
    }

    private static RestResponse<CandidateProfile> tagged(Versioned<CandidateProfile> file) {
        return RestResponse.ResponseBuilder.ok(file.value()).header(HttpHeaders.ETAG, file.etag()).build();
    }
}
