package org.certboard.candidate.profile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** What staff should look at about identities (issue 21). */
@Tag(name = "name changes", description = "A candidate's legal name, once the board relies on it, changes through a "
        + "request staff decide; the identity review lists what staff should look at")
@Path("/identity-review")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityReviewResource {
    private final CandidateService candidates;

    public IdentityReviewResource(CandidateService candidates) {
        this.candidates = candidates;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "identityReview", summary = "What staff should look at about identities, oldest first",
            description = "EMAIL_NOT_CONFIRMED: a profile whose address its account has not confirmed (bound before "
            + "addresses were checked, or its account's verified address is held by another profile); "
            + "PROFILE_CLAIMED: a paper applicant's profile an account claimed; NAME_CHANGED_AFTER_DECISION: a name "
            + "changed after the board relied on it, before such changes went through staff.")
    public Uni<Page<IdentityFinding.View>> identityReview(@BeanParam @Valid PageRequest paging) {
        return candidates.identityReview(paging);
    }
}
