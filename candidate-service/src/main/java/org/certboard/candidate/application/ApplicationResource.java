package org.certboard.candidate.application;

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

import io.smallrye.mutiny.Uni;

/** Applications by their own id: what staff act on. */
@Path("/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    private final ApplicationService applications;

    public ApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    @GET
    public Uni<ApplicationView> get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    /** Staff only: settles an application UNDER_REVIEW. */
    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> decide(@PathParam("id") UUID id, @NotNull @Valid StaffDecision body) {
        return applications.decide(id, body);
    }

    /** Staff only: withdraws an approval, ending the exam authorisation. */
    @POST
    @Path("/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> withdraw(@PathParam("id") UUID id, @NotNull @Valid Withdrawal body) {
        return applications.withdraw(id, body);
    }
}
