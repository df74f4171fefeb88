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
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** A candidate's application, addressed through the candidate. */
@Path("/candidates/{id}/application")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateApplicationResource {
    private final ApplicationService applications;
    private final CandidateAccess access;
    private final Caller caller;

    public CandidateApplicationResource(ApplicationService applications, CandidateAccess access, Caller caller) {
        this.applications = applications;
        this.access = access;
        this.caller = caller;
    }

    /** Submits and decides at once: clear cases come back APPROVED or DENIED, doubtful ones UNDER_REVIEW. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<RestResponse<ApplicationView>> submit(@PathParam("id") UUID id, @NotNull @Valid Submission body) {
        return access.candidate(id).chain(() -> applications.submit(id, body, caller.actor())).map(view -> RestResponse.ResponseBuilder
                .<ApplicationView>created(URI.create("/applications/" + view.id())).entity(view).build());
    }

    /** The candidate's latest application. */
    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<ApplicationView> latest(@PathParam("id") UUID id) {
        return access.candidate(id).chain(() -> applications.latest(id));
    }
}
