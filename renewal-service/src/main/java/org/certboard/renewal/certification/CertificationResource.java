package org.certboard.renewal.certification;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/certifications")
@Tag(name = "certifications")
public class CertificationResource {
    private final CertificationService certifications;

    public CertificationResource(CertificationService certifications) {
        this.certifications = certifications;
    }

    @GET
    @Operation(summary = "Certifications, of one candidate if candidateId is given")
    public Uni<Page<CertificationView>> list(@QueryParam("candidateId") UUID candidateId,
            @BeanParam @Valid PageRequest paging) {
        return certifications.list(candidateId, paging);
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "One certification")
    public Uni<CertificationView> get(@PathParam("number") String number) {
        return certifications.get(number);
    }

    @POST
    @Path("/{number}/retirement")
    @Operation(summary = "Choose retired status (up to 9 months after expiry by default)")
    public Uni<CertificationView> retire(@PathParam("number") String number) {
        return certifications.retire(number);
    }
}
