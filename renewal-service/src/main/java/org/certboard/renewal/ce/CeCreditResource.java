package org.certboard.renewal.ce;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.certification.RenewalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/certifications/{number}/ce-credits")
@Tag(name = "continuing-education", description = "Continuing-education credits logged toward the next renewal")
public class CeCreditResource {
    private final CeCreditService credits;
    private final RenewalAccess access;

    public CeCreditResource(CeCreditService credits, RenewalAccess access) {
        this.credits = credits;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "recordCeCredit", summary = "Log a CE credit completed inside the current cycle")
    @APIResponse(responseCode = "201", description = "Logged", headers = @Header(name = "Location",
            description = "The certification's CE credits, /certifications/{number}/ce-credits",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CeCreditView.class)))
    @APIResponse(responseCode = "404", description = "No such certification (or another person's)")
    @APIResponse(responseCode = "422",
            description = "Certification lapsed, or Completed outside the cycle (`field`: completedOn)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<RestResponse<CeCreditView>> record(@PathParam("number") String number,
            @NotNull(message = "a CE credit is required") @Valid NewCeCredit body) {
        return access.certification(number).chain(() -> credits.record(number, body))
                .map(credit -> RestResponse.ResponseBuilder
                .<CeCreditView>created(URI.create("/certifications/" + number + "/ce-credits")).entity(credit).build());
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "listCeCredits",
            summary = "List the CE credits that count toward the next renewal, a page at a time",
            description = "Ordered by completion date, then id.")
    @APIResponse(responseCode = "200", description = "A page of CE credits")
    @APIResponse(responseCode = "404", description = "No such certification (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<CeCreditView>> list(@PathParam("number") String number, @BeanParam @Valid PageRequest paging) {
        return access.certification(number).chain(() -> credits.list(number, paging));
    }
}
