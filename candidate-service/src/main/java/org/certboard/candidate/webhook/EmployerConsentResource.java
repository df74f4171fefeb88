package org.certboard.candidate.webhook;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.candidate.profile.CandidateAccess;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * A person decides which employers' subscriptions receive their certification events: the employer hands them its
 * subscription id, they authorise it here, and may withdraw it at any time.
 */
@Path("/candidates/{id}/employers/{subscriptionId}")
@Tag(name = "webhooks")
@RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
public class EmployerConsentResource {
    private final SubscriptionService subscriptions;
    private final CandidateAccess access;

    public EmployerConsentResource(SubscriptionService subscriptions, CandidateAccess access) {
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @PUT
    @Operation(operationId = "authoriseEmployer", summary = "Let an employer's webhook subscription receive this "
            + "person's certification events (issued, renewed, expired, lapsed, retired)")
    @APIResponse(responseCode = "204", description = "Authorised (again: no change)")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's), or no such employer "
            + "subscription")
    public Uni<Void> authorise(@PathParam("id") UUID id, @PathParam("subscriptionId") UUID subscriptionId) {
        return access.candidate(id).chain(() -> subscriptions.authorise(id, subscriptionId));
    }

    @DELETE
    @Operation(operationId = "withdrawEmployer", summary = "Withdraw it: nothing more about this person is sent, "
            + "and what was recorded but not yet sent is dropped")
    @APIResponse(responseCode = "204", description = "Withdrawn (or was not authorised)")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's), or no such employer "
            + "subscription")
    public Uni<Void> withdraw(@PathParam("id") UUID id, @PathParam("subscriptionId") UUID subscriptionId) {
        return access.candidate(id).chain(() -> subscriptions.withdraw(id, subscriptionId));
    }
}
