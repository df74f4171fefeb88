package org.certboard.exam.result;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.exam.access.ExamAccess;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** A candidate's attempts, oldest first; a no-show is an attempt without a score. */
@Path("/candidates/{id}/attempts")
public class AttemptResource {

    private final ExamAccess access;
    private final ResultService results;

    public AttemptResource(ExamAccess access, ResultService results) {
        this.access = access;
        this.results = results;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Tag(name = "results")
    @Operation(operationId = "listCandidateAttempts", summary = "List a candidate's exam attempts, a page at a time",
            description = "Oldest first: by exam date, then recording time, then id.")
    @APIResponse(responseCode = "200", description = "A page of attempts")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<Attempt>> list(@PathParam("id") UUID candidateId, @BeanParam @Valid PageRequest paging) {
        return access.candidate(candidateId).chain(() -> results.attempts(candidateId, paging));
    }
}
