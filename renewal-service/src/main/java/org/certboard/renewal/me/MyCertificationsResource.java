package org.certboard.renewal.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.certification.CertificationService;
import org.certboard.renewal.certification.CertificationView;
import org.certboard.renewal.certification.RenewalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The caller's own certifications, so a candidate's front end never needs to know (or guess) a number. */
@Path("/candidates/me/certifications")
public class MyCertificationsResource {
    private final RenewalAccess access;
    private final CertificationService certifications;

    public MyCertificationsResource(RenewalAccess access, CertificationService certifications) {
        this.access = access;
        this.certifications = certifications;
    }

    @GET
    @RolesAllowed(Roles.CANDIDATE)
    @Tag(name = "certifications")
    @Operation(operationId = "listMyCertifications",
            summary = "List the caller's certifications, current and past, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of certifications")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<CertificationView>> mine(@BeanParam @Valid PageRequest paging) {
        return access.self().chain(self -> certifications.list(self, paging));
    }
}
