package org.certboard.renewal.certification;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/certifications")
@Tag(name = "certifications", description = "Certifications: who holds which, its status and cycle, and retirement")
public class CertificationResource {
    private final CertificationService certifications;
    private final RenewalAccess access;
    private final Caller caller;

    public CertificationResource(CertificationService certifications, RenewalAccess access, Caller caller) {
        this.certifications = certifications;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "listCertifications",
            summary = "List certifications, of one candidate if candidateId is given, a page at a time",
            description = "Ordered by number.")
    @APIResponse(responseCode = "200", description = "A page of certifications")
    public Uni<Page<CertificationView>> list(@QueryParam("candidateId") @Parameter(description = "Only this "
            + "candidate's certifications") UUID candidateId,
            @BeanParam @Valid PageRequest paging) {
        return certifications.list(candidateId, paging);
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getCertification", summary = "Read a certification")
    @APIResponse(responseCode = "200", description = "The certification")
    @APIResponse(responseCode = "404", description = "No such certification (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<CertificationView> get(@PathParam("number") String number) {
        return access.certification(number).chain(() -> certifications.get(number));
    }

    @POST
    @Path("/{number}/retirement")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "retireCertification",
            summary = "Record the person's choice of retired status (staff; up to 9 months after expiry by default)")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such certification")
    @APIResponse(responseCode = "409", description = "Already retired, Renewal awaiting audit, or Certified anew")
    @APIResponse(responseCode = "422", description = "Retirement no longer possible")
    public Uni<CertificationView> retire(@PathParam("number") String number) {
        return certifications.retire(number, caller.actor());
    }
}
