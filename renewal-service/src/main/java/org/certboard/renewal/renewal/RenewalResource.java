package org.certboard.renewal.renewal;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.renewal.access.RenewalAccess;
import org.certboard.platform.security.Roles;
import org.certboard.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/certifications/{number}")
@Tag(name = "renewal")
public class RenewalResource {
    private final RenewalService renewals;
    private final RenewalAccess access;
    private final Caller caller;

    public RenewalResource(RenewalService renewals, RenewalAccess access, Caller caller) {
        this.renewals = renewals;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Path("/renewal")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(summary = "Progress toward the next renewal and what is still missing")
    public Uni<RenewalProgress> progress(@PathParam("number") String number) {
        return access.certification(number).chain(() -> renewals.progress(number));
    }

    @POST
    @Path("/renewals")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(summary = "Renew by CE: 201 with the new expiry, or status PENDING_AUDIT when sampled for a CE audit;"
            + " 422 with missing when requirements or timing are not met")
    public Uni<RestResponse<RenewalView>> renew(@PathParam("number") String number) {
        return access.certification(number).chain(() -> renewals.renew(number)).map(renewal -> RestResponse.ResponseBuilder.<RenewalView>created(
                URI.create("/certifications/" + number + "/renewals/" + renewal.id())).entity(renewal).build());
    }

    @GET
    @Path("/renewals/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(summary = "One renewal, e.g. to follow an audit")
    public Uni<RenewalView> get(@PathParam("number") String number, @PathParam("id") UUID id) {
        return access.certification(number).chain(() -> renewals.get(number, id));
    }

    @POST
    @Path("/renewals/{id}/audit")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Staff: accept or reject the CE evidence of an audited renewal")
    public Uni<RenewalView> audit(@PathParam("number") String number, @PathParam("id") UUID id,
            @NotNull(message = "a decision is required") @Valid AuditDecision decision) {
        return renewals.decideAudit(number, id, decision, caller.actor());
    }
}
