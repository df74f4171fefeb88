package org.certboard.candidate.application;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** A candidate's application, addressed through the candidate. */
@Path("/candidates/{id}/application")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateApplicationResource {
    private final ApplicationService applications;

    public CandidateApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    /** Submits and decides at once: clear cases come back APPROVED or DENIED, doubtful ones UNDER_REVIEW. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ApplicationView>> submit(@PathParam("id") UUID id, @NotNull @Valid Submission body) {
        return applications.submit(id, body).map(view -> RestResponse.ResponseBuilder
                .<ApplicationView>created(URI.create("/applications/" + view.id())).entity(view).build());
    }

    /** The candidate's latest application. */
    @GET
    public Uni<ApplicationView> latest(@PathParam("id") UUID id) {
        return applications.latest(id);
    }
}
