package org.certboard.renewal.verification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.certboard.platform.domain.Refusal;
import org.certboard.renewal.credential.PublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * Public verification by certification number, for employers and payers: JSON, or with {@code Accept: text/html}
 * (a browser) the verification page.
 */
@Path("/verify")
@PermitAll
@PublicEndpoint
@Tag(name = "verification", description = "Public verification of a certification number: open to anyone, no token")
public class VerificationResource {
    private final VerificationService verifications;
    private final VerificationPage page;

    public VerificationResource(VerificationService verifications, VerificationPage page) {
        this.verifications = verifications;
        this.page = page;
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "verifyCertification",
            summary = "Verify a certification number (public): name, credential, status, first certified on, valid "
            + "until", description = "JSON, or the verification page for a browser (Accept: text/html first).")
    @APIResponse(responseCode = "200", description = "The certification as the public may see it", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationView.class)),
            @Content(mediaType = MediaType.TEXT_HTML) })
    @APIResponse(responseCode = "404", description = "No such certification number")
    public Uni<Response> verify(@PathParam("number") String number, @Context HttpHeaders headers) {
        boolean html = VerificationPage.wantsHtml(headers.getAcceptableMediaTypes());
        Uni<VerificationView> view = verifications.lookUp(number);
        if (!html) {
            return view.map(found -> Response.ok(found, MediaType.APPLICATION_JSON_TYPE).build());
        }
        return view.map(found -> page.found(number, found))
                .onFailure(Refusal.class).recoverWithItem(() -> page.unknown(number));
    }

    @GET
    @Operation(operationId = "showVerificationForm",
            summary = "The verification page's search form (public); with ?number= it goes to that number's page")
    @APIResponse(responseCode = "200", description = "The search form", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "303", description = "To the page of the number searched for")
    public Response search(@QueryParam("number") String number) {
        if (number == null || number.isBlank()) {
            return page.form(number == null ? null : "Enter a certification number, for example CCM-2026-000123.");
        }
        return Response.seeOther(URI.create("/verify/" + URLEncoder.encode(number.strip(), StandardCharsets.UTF_8)
                .replace("+", "%20"))).build();
    }
}
