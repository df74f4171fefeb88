package org.certboard.renewal.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Public: verify a presented credential, and the status lists any verifier can read instead. */
@Path("/credentials")
@Tag(name = "credentials", description = "Verifiable credentials (Open Badges 3.0 as signed JWTs): the holder's download, verification by anyone, status lists and the board's public keys")
@PermitAll
@PublicEndpoint
public class CredentialVerificationResource {
    private final CredentialService credentials;

    public CredentialVerificationResource(CredentialService credentials) {
        this.credentials = credentials;
    }

    /** A credential as its holder presented it: the compact JWT. */
    private static final int MAX_LENGTH = 20000;

    @Schema(name = "PresentedCredential")
    public record Presented(@NotBlank @Size(max = MAX_LENGTH) String credential) {
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCredential", summary = "Verify a presented credential: VALID, EXPIRED, SUSPENDED,"
            + " REVOKED, NOT_YET_VALID or INVALID, and why", description = "The credential in a JSON body, or the"
            + " downloaded file as it is with Content-Type application/vc+jwt.")
    public Uni<Verification> verify(@Valid Presented presented) {
        if (presented == null) {
            throw ProblemException.invalid("credential", "must not be blank");
        }
        return credentials.verifyPresented(presented.credential());
    }

    /** The downloaded file as it is ({@code curl --data-binary @CCM-2026-000123.jwt -H 'Content-Type: application/vc+jwt'}). */
    @POST
    @Path("/verify")
    @Consumes(JoseCodec.CREDENTIAL_MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Verification> verifyJwt(String jwt) {
        // checked here: Bean Validation does not see a call from within the resource
        if (jwt == null || jwt.isBlank() || jwt.length() > MAX_LENGTH) {
            throw ProblemException.invalid("credential", "must be a compact JWT of at most " + MAX_LENGTH + " characters");
        }
        return credentials.verifyPresented(jwt);
    }

    @GET
    @Path("/status/{list}")
    @Produces(JoseCodec.CREDENTIAL_MEDIA_TYPE)
    @Operation(operationId = "getCredentialMessageStatusList", summary = "A Bitstring Status List credential of purpose "
            + "message, two bits per credential (revoked, suspended), signed, current as of now")
    public Uni<String> statusList(@PathParam("list") String list) {
        return credentials.statusList(StatusPurpose.MESSAGE, listNumber(list, list));
    }

    @GET
    @Path("/status/{purpose}/{list}")
    @Produces(JoseCodec.CREDENTIAL_MEDIA_TYPE)
    @Operation(operationId = "getCredentialStatusList", summary = "A one-bit Bitstring Status List credential"
            + " (suspension or revocation), signed, current as of now: for credentials signed before 1.3")
    public Uni<String> legacyStatusList(@PathParam("purpose") String purpose, @PathParam("list") String list) {
        StatusPurpose statusPurpose = StatusPurpose.legacy(purpose)
                .orElseThrow(() -> ProblemException.notFound("status list", purpose + "/" + list));
        return credentials.statusList(statusPurpose, listNumber(list, purpose + "/" + list));
    }

    private static int listNumber(String list, String name) {
        try {
            int number = Integer.parseInt(list);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a list the board keeps
        }
        throw ProblemException.notFound("status list", name);
    }
}
