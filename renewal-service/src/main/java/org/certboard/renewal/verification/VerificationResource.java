package org.certboard.renewal.verification;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.renewal.candidate.CandidateRecord;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.config.BoardConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Public verification by certification number, for employers and payers. */
@Path("/verify")
@PermitAll
@Tag(name = "verification", description = "Public verification of a certification number: open to anyone, no token")
public class VerificationResource {
    private final String credential;

    public VerificationResource(BoardConfig board) {
        this.credential = board.credential();
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "verifyCertification",
            summary = "Verify a certification number (public): name, credential, status, first certified on, valid "
            + "until")
    @APIResponse(responseCode = "200", description = "The certification as the public may see it")
    @APIResponse(responseCode = "404", description = "No such certification number")
    public Uni<VerificationView> verify(@PathParam("number") String number) {
        return Panache.withSession(() -> Certification.byNumber(number)
                .chain(certification -> CandidateRecord.<CandidateRecord>findById(certification.candidateId)
                        .map(candidate -> new VerificationView(candidate == null ? null : candidate.fullName(),
                                credential, certification.status, certification.firstCertifiedOn,
                                certification.expiresOn))));
    }
}
