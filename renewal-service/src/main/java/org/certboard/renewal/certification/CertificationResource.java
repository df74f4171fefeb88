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

import org.certboard.renewal.access.RenewalAccess;
import org.certboard.platform.security.Roles;
import org.certboard.platform.security.Caller;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/certifications")
@Tag(name = "certifications")
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
    @Operation(summary = "Certifications, of one candidate if candidateId is given")
    public Uni<Page<CertificationView>> list(@QueryParam("candidateId") String candidateId,
            @BeanParam @Valid PageRequest paging) {
        return certifications.list(candidateId == null || candidateId.isBlank() ? null : uuid(candidateId), paging);
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(summary = "One certification")
    public Uni<CertificationView> get(@PathParam("number") String number) {
        return access.certification(number).chain(() -> certifications.get(number));
    }

    @POST
    @Path("/{number}/retirement")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Staff record the person's choice of retired status (up to 9 months after expiry by default)")
    public Uni<CertificationView> retire(@PathParam("number") String number) {
        return certifications.retire(number, caller.actor());
    }

    /** Parsed here rather than by JAX-RS, which answers a malformed query parameter with 404 instead of 400. */
    private static UUID uuid(String candidateId) {
        try {
            return UUID.fromString(candidateId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("candidateId", "must be a UUID");
        }
    }
}
