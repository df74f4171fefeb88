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

import org.certboard.platform.problem.ProblemException;
import org.certboard.renewal.candidate.CandidateRecord;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.config.BoardConfig;
import org.certboard.renewal.credential.PublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Public verification by certification number, for employers and payers: JSON, or with {@code Accept: text/html}
 * (a browser) the verification page.
 */
@Path("/verify")
@Tag(name = "verification")
@PermitAll
@PublicEndpoint
public class VerificationResource {
    private final String credential;
    private final VerificationPage page;

    public VerificationResource(BoardConfig board, VerificationPage page) {
        this.credential = board.credential();
        this.page = page;
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "Public: name, credential, status, first certified on, valid until (HTML for Accept: text/html)")
    public Uni<Response> verify(@PathParam("number") String number, @Context HttpHeaders headers) {
        boolean html = VerificationPage.wantsHtml(headers.getAcceptableMediaTypes());
        Uni<VerificationView> view = Panache.withSession(() -> Certification.byNumber(number)
                .chain(certification -> CandidateRecord.<CandidateRecord>findById(certification.candidateId)
                        .map(candidate -> new VerificationView(candidate == null ? null : candidate.fullName(),
                                credential, certification.status, certification.firstCertifiedOn,
                                certification.expiresOn))));
        if (!html) {
            return view.map(found -> Response.ok(found, MediaType.APPLICATION_JSON_TYPE).build());
        }
        return view.map(found -> page.found(number, found))
                .onFailure(ProblemException.class).recoverWithItem(() -> page.unknown(number));
    }

    @GET
    @Operation(summary = "Public: the verification page's search form; with ?number= it goes to that number's page")
    public Response search(@QueryParam("number") String number) {
        if (number == null || number.isBlank()) {
            return page.form(number == null ? null : "Enter a certification number, for example CCM-2026-000123.");
        }
        return Response.seeOther(URI.create("/verify/" + URLEncoder.encode(number.strip(), StandardCharsets.UTF_8)
                .replace("+", "%20"))).build();
    }
}
