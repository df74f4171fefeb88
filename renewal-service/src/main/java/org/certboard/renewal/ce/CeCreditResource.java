package org.certboard.renewal.ce;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.renewal.access.RenewalAccess;
import org.certboard.platform.security.Roles;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/certifications/{number}/ce-credits")
@Tag(name = "continuing education")
public class CeCreditResource {
    private final CeCreditService credits;
    private final RenewalAccess access;

    public CeCreditResource(CeCreditService credits, RenewalAccess access) {
        this.credits = credits;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(summary = "Log a CE credit completed inside the current cycle")
    public Uni<RestResponse<CeCreditView>> record(@PathParam("number") String number,
            @NotNull(message = "a CE credit is required") @Valid NewCeCredit body) {
        return access.certification(number).chain(() -> credits.record(number, body)).map(credit -> RestResponse.status(RestResponse.Status.CREATED, credit));
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(summary = "The CE credits that count toward the next renewal")
    public Uni<Page<CeCreditView>> list(@PathParam("number") String number, @BeanParam @Valid PageRequest paging) {
        return access.certification(number).chain(() -> credits.list(number, paging));
    }
}
