package org.certboard.candidate.profile;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final CandidateService candidates;
    private final CandidateAccess access;
    private final Caller caller;

    public CandidateResource(CandidateService candidates, CandidateAccess access, Caller caller) {
        this.candidates = candidates;
        this.access = access;
        this.caller = caller;
    }

    /** A candidate registers themselves (bound to their account); staff register a paper applicant. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<RestResponse<CandidateView>> register(@NotNull @Valid NewCandidate body) {
        return candidates.register(body, caller.actor()).map(view -> RestResponse.ResponseBuilder
                .<CandidateView>created(URI.create("/candidates/" + view.id())).entity(view).build());
    }

    /** The caller's own profile, so a front end never needs to know the id first. */
    @GET
    @Path("/me")
    @RolesAllowed(Roles.CANDIDATE)
    public Uni<CandidateProfile> me() {
        return access.self().chain(candidates::profile);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<CandidateProfile> get(@PathParam("id") UUID id) {
        return access.candidate(id).chain(() -> candidates.profile(id));
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    public Uni<Page<CandidateView>> search(@QueryParam("email") String email, @QueryParam("name") String name,
            @BeanParam @Valid PageRequest paging) {
        return candidates.search(email, name, paging);
    }

    /** A JSON merge patch; plain application/json is accepted too, for clients that cannot set the media type. */
    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<CandidateView> patch(@PathParam("id") UUID id, String body) {
        return access.candidate(id).chain(() -> candidates.patch(id, body));
    }
}
