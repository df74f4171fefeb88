package org.certboard.candidate.application;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Applications by their own id: what staff act on. */
@Path("/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    private final ApplicationService applications;
    private final CandidateAccess access;
    private final Caller caller;

    public ApplicationResource(ApplicationService applications, CandidateAccess access, Caller caller) {
        this.applications = applications;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Tag(name = "applications")
    @Operation(operationId = "getApplication", summary = "Read an application")
    @APIResponse(responseCode = "200", description = "The application")
    @APIResponse(responseCode = "404", description = "No such application (or another person's)")
    public Uni<ApplicationView> get(@PathParam("id") UUID id) {
        return access.record("application", id, () -> applications.candidateOf(id)).chain(() -> applications.get(id));
    }

    /** Settles an application UNDER_REVIEW; the staff member is recorded with the decision. */
    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Tag(name = "applications")
    @Operation(operationId = "decideApplication", summary = "Decide an application under review (staff)")
    @APIResponse(responseCode = "200", description = "Decided")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Application not under review")
    public Uni<ApplicationView> decide(@PathParam("id") UUID id, @NotNull @Valid StaffDecision body) {
        return applications.decide(id, body, caller.actor());
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
        return applications.withdraw(id, body, caller.actor());
    }
}
