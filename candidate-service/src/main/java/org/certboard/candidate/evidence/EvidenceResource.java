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
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** The evidence a candidate adds to their file; it is read back as part of GET /candidates/{id}. */
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
    public Uni<RestResponse<LicenceView>> addLicence(@PathParam("id") UUID id, @NotNull @Valid NewLicence body) {
        return access.candidate(id).chain(() -> evidence.addLicence(id, body)).map(view -> created(id, view));
    }

    @POST
    @Path("/degrees")
    public Uni<RestResponse<DegreeView>> addDegree(@PathParam("id") UUID id, @NotNull @Valid NewDegree body) {
        return access.candidate(id).chain(() -> evidence.addDegree(id, body)).map(view -> created(id, view));
    }

    @POST
    @Path("/experience")
    public Uni<RestResponse<ExperienceView>> addExperience(@PathParam("id") UUID id,
            @NotNull @Valid NewExperience body) {
        return access.candidate(id).chain(() -> evidence.addExperience(id, body)).map(view -> created(id, view));
    }

    /** Entries have no URI of their own: they are read back within the candidate's file, which the location names. */
    private static <T> RestResponse<T> created(UUID candidateId, T view) {
        return RestResponse.ResponseBuilder.<T>created(URI.create("/candidates/" + candidateId)).entity(view).build();
    }
}
