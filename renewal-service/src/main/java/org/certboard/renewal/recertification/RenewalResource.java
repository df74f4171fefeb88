package org.certboard.renewal.recertification;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.certboard.platform.http.Preconditions;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.certification.RenewalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/certifications/{number}")
@Tag(name = "renewals",
        description = "Renewal of a certification by continuing education: progress, renewal, the CE audit")
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
    @Operation(operationId = "getRenewalProgress",
            summary = "Read the progress toward the next renewal and what is still missing")
    @APIResponse(responseCode = "200", description = "The progress")
    @APIResponse(responseCode = "404", description = "No such certification (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<RenewalProgress> progress(@PathParam("number") String number) {
        return access.certification(number).chain(() -> renewals.progress(number));
    }

    @POST
    @Path("/renewals")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "renewCertification", summary = "Renew a certification by continuing education",
            description = "201 with the new expiry, or with status PENDING_AUDIT when sampled for a CE audit.")
    @APIResponse(responseCode = "201", description = "Renewed, or awaiting audit", headers = @Header(name = "Location",
            description = "The renewal, /certifications/{number}/renewals/{id}",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "404", description = "No such certification (or another person's)")
    @APIResponse(responseCode = "409", description = "Renewal awaiting audit, or Certified anew")
    @APIResponse(responseCode = "422",
            description = "Renewal requirements not met: `missing` lists each requirement not yet met")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<RestResponse<RenewalView>> renew(@PathParam("number") String number) {
        return access.certification(number).chain(() -> renewals.renew(number)).map(renewal -> RestResponse.ResponseBuilder.<RenewalView>created(
                URI.create("/certifications/" + number + "/renewals/" + renewal.id())).entity(renewal).build());
    }

    @GET
    @Path("/renewals/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getRenewal", summary = "Read a renewal, e.g. to follow an audit",
            description = "The ETag is what an audit decision sends back as If-Match.")
    @APIResponse(responseCode = "200", description = "The renewal", headers = @Header(name = "ETag",
            description = "The renewal's version, a strong entity tag such as \"0\"",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "404", description = "No such certification or renewal (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<RestResponse<RenewalView>> get(@PathParam("number") String number, @PathParam("id") UUID id) {
        return access.certification(number).chain(() -> renewals.get(number, id)).map(RenewalResource::tagged);
    }

    @POST
    @Path("/renewals/{id}/audit")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "decideRenewalAudit",
            summary = "Accept or reject the CE evidence of an audited renewal (staff)",
            description = "Only on the version read: If-Match with the renewal's ETag, so two staff members cannot "
                    + "decide one over the other.")
    @APIResponse(responseCode = "200", description = "Decided", headers = @Header(name = "ETag",
            description = "The renewal's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "404", description = "No such certification or renewal")
    @APIResponse(responseCode = "409", description = "Audit already decided, Certification changed, or Certified anew")
    @APIResponse(responseCode = "412", description = "Precondition failed: the renewal changed since it was read "
            + "(`currentETag`); nothing was decided")
    @APIResponse(responseCode = "428", description = "Precondition required: If-Match is missing")
    public Uni<RestResponse<RenewalView>> audit(@PathParam("number") String number, @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(required = true, description = "The renewal's ETag as read",
                    schema = @Schema(type = SchemaType.STRING)) String ifMatch,
            @NotNull(message = "a decision is required") @Valid AuditDecision decision) {
        return renewals.decideAudit(number, id, decision, ifMatch, caller.actor()).map(RenewalResource::tagged);
    }

    private static RestResponse<RenewalView> tagged(VersionedRenewal versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.renewal())
                .header(HttpHeaders.ETAG, Preconditions.etag(versioned.version())).build();
    }
}
