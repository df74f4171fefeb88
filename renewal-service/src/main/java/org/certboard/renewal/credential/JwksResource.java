package org.certboard.renewal.credential;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The board's public keys: the current one and every one it signed with before a rotation. */
@Path("/.well-known/jwks.json")
@Tag(name = "credentials", description = "Verifiable credentials (Open Badges 3.0 as signed JWTs): the holder's download, verification by anyone, status lists and the board's public keys")
@PermitAll
@PublicEndpoint
public class JwksResource {
    private final CredentialService credentials;

    public JwksResource(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCredentialKeys",
            summary = "The board's credential signing keys (JWK Set, public parts only)")
    public Uni<Map<String, Object>> keys() {
        return credentials.publishedKeys().map(set -> set.toJSONObject(true));
    }
}
