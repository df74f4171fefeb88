package org.certboard.renewal.credential;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.certification.RenewalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The holder's own credential, and its revocation by staff. */
@Path("/certifications/{number}/credential")
@Tag(name = "credentials", description = "Verifiable credentials (Open Badges 3.0 as signed JWTs): the holder's download, verification by anyone, status lists and the board's public keys")
public class CredentialResource {
    private final CredentialService credentials;
    private final RenewalAccess access;

    public CredentialResource(CredentialService credentials, RenewalAccess access) {
        this.credentials = credentials;
        this.access = access;
    }

    /** {@code category} is what a verifier learns; {@code reason} is staff's note, kept by the board. */
    @Schema(name = "CredentialRevocation")
    public record Revocation(@NotNull RevocationCategory category, @NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Produces(JoseCodec.CREDENTIAL_MEDIA_TYPE)
    @Operation(operationId = "downloadCredential",
            summary = "Download the holder's verifiable credential (Open Badges 3.0, a JWT): the candidate their own")
    @APIResponse(responseCode = "200", description = "The current credential, a signed JWT")
    @APIResponse(responseCode = "404", description = "No such certification (or another person's), or no credential")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Response> download(@PathParam("number") String number) {
        return access.certification(number).chain(() -> credentials.current(number)).map(issued -> Response.ok(issued.jwt(), JoseCodec.CREDENTIAL_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + issued.number() + ".jwt\"")
                .build());
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCredentials", summary = "The certification's credentials, the newest first: "
            + "current, superseded (renewal, reactivation, name change) and revoked; the candidate their own")
    @APIResponse(responseCode = "200", description = "A page of credentials")
    @APIResponse(responseCode = "404", description = "No such certification (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<CredentialRecord>> history(@PathParam("number") String number,
            @BeanParam @Valid PageRequest paging) {
        return access.certification(number).chain(() -> credentials.history(number, paging));
    }

    @POST
    @Path("/revocation")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "revokeCredential",
            summary = "Withdraw the certification's credentials for good: verifiers see the category, never the reason")
    public Uni<Map<String, Long>> revoke(@PathParam("number") String number, @Valid @NotNull Revocation revocation) {
        return credentials.revoke(number, revocation.category(), revocation.reason())
                .map(count -> Map.of("revoked", count));
    }
}
