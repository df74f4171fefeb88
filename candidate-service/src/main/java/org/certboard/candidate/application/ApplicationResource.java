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

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    private final ApplicationService applications;

    public ApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    /** Submits and decides at once: clear cases come back APPROVED or DENIED, doubtful ones UNDER_REVIEW. */
    @POST
    @Path("/candidates/{id}/application")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ApplicationView>> submit(@PathParam("id") UUID id, @NotNull @Valid Submission body) {
        return applications.submit(id, body).map(view -> RestResponse.ResponseBuilder
                .<ApplicationView>created(URI.create("/applications/" + view.id())).entity(view).build());
    }

    /** The candidate's latest application. */
    @GET
    @Path("/candidates/{id}/application")
    public Uni<ApplicationView> latest(@PathParam("id") UUID id) {
        return applications.latest(id);
    }

    @GET
    @Path("/applications/{id}")
    public Uni<ApplicationView> get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    /** Staff only: settles an application UNDER_REVIEW. */
    @POST
    @Path("/applications/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> decide(@PathParam("id") UUID id, @NotNull @Valid StaffDecision body) {
        return applications.decide(id, body);
    }

    /** Staff only: withdraws an approval, ending the exam authorisation. */
    @POST
    @Path("/applications/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> withdraw(@PathParam("id") UUID id, @NotNull @Valid Withdrawal body) {
        return applications.withdraw(id, body);
    }
}
