package org.certboard.candidate.profile;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Tag(name = "candidates",
        description = "Candidate profiles: registration (by the person, or by staff for a paper applicant), the "
        + "full file, contact changes and staff search")
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final CandidateService candidates;
    private final CandidateAccess access;
    public CandidateResource(CandidateService candidates, CandidateAccess access) {
        this.candidates = candidates;
        this.access = access;
    }

    /** A candidate registers themselves (bound to their account); staff register a paper applicant. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "registerCandidate", summary = "Register a candidate",
            description = "A candidate token registers its own person (once per account) with the email its provider "
            + "verified for the account (claims email and email_verified), and no other; a staff token registers a "
            + "paper applicant with the address staff give. A person whose verified address a paper applicant's "
            + "profile carries claims that profile (200) instead of making a second one.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location",
            description = "The new candidate, /candidates/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "200", description = "The paper applicant's profile with the account's verified "
            + "address, now claimed by (bound to) the account", headers = @Header(name = "Location",
            description = "The claimed candidate, /candidates/{id}", schema = @Schema(type = SchemaType.STRING,
            format = "uri")), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; for a person, also an email other than the "
            + "account's verified address")
    @APIResponse(responseCode = "403", description = "A person whose account has no verified email address")
    @APIResponse(responseCode = "409", description = "Already registered (this account has a profile), Email already "
            + "registered (staff registering a paper applicant) or Email not available")
    public Uni<RestResponse<CandidateView>> register(@NotNull @Valid NewCandidate body) {
        return candidates.register(body).map(registration -> {
            URI location = URI.create("/candidates/" + registration.candidate().id());
            return registration.created()
                    ? RestResponse.ResponseBuilder.<CandidateView>created(location).entity(registration.candidate())
                            .build()
                    : RestResponse.ResponseBuilder.ok(registration.candidate()).location(location).build();
        });
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "searchCandidates", summary = "Search candidates by email or name, a page at a time",
            description = "Ordered by family name, given name, id.")
    public Uni<Page<CandidateView>> search(@QueryParam("email") String email, @QueryParam("name") String name,
            @BeanParam @Valid PageRequest paging) {
        return candidates.search(email, name, paging);
    }

    /**
     * A JSON merge patch; plain application/json is accepted too, for clients that cannot set the media type. Sent
     * with the candidate's ETag as If-Match, so a change made meanwhile (by staff, or the person) is not overwritten.
     */
    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "updateCandidateContact",
            summary = "Change a candidate's contact fields (JSON merge patch)",
            description = "Only givenName, familyName and email; null removes a field, and none may be removed. A "
            + "person cannot change their email (it is their account's verified address and follows it) nor, once "
            + "the board relies on it (an application decided or a certification held), their legal name: that is a "
            + "name-change request (422). Staff change a paper applicant's email, and a name at once, recorded as a "
            + "name change by them.")
    @APIResponse(responseCode = "200", description = "Changed (or unchanged when the patch changes nothing)",
            headers = @Header(name = "ETag", description = "The candidate's entity tag after the change",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CandidateView.class)))
    @RequestBody(required = true, content = { @Content(mediaType = MERGE_PATCH,
            schema = @Schema(implementation = CandidatePatch.class)),
            @Content(mediaType = "application/json", schema = @Schema(implementation = CandidatePatch.class)) })
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    @APIResponse(responseCode = "400", description = "Invalid patch; for a person, also any change of email")
    @APIResponse(responseCode = "409", description = "Email already registered to another candidate, or Email "
            + "follows the account (staff changing a bound profile's address)")
    @APIResponse(responseCode = "422", description = "Name change needs a request: a person's new legal name after "
            + "the board relied on it; nothing was written")
    @APIResponse(responseCode = "412", description = "The candidate changed since it was read (If-Match is stale); "
            + "nothing was written")
    @APIResponse(responseCode = "428", description = "If-Match missing: send the ETag of the candidate as read")
    public Uni<RestResponse<CandidateView>> patch(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The candidate's ETag from GET /candidates/{id}")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return access.candidate(id).chain(() -> candidates.patch(id, body, ifMatch))
                .map(v -> RestResponse.ResponseBuilder.ok(v.value()).header(HttpHeaders.ETAG, v.etag()).build());
    }
}
