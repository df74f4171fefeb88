package org.certboard.exam.result;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A candidate's attempts, oldest first; a no-show is an attempt without a score. */
@Path("/candidates/{id}/attempts")
public class AttemptResource {

    @Schema(name = "ExamAttempt")
    public record Attempt(UUID bookingId, LocalDate examDate, @Schema(nullable = true) Integer scaledScore,
            boolean passed, boolean noShow) {
    }

    private final ExamAccess access;

    public AttemptResource(ExamAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Tag(name = "results")
    @Operation(operationId = "listCandidateAttempts", summary = "List a candidate's exam attempts, a page at a time",
            description = "Oldest first: by exam date, then recording time, then id.")
    @APIResponse(responseCode = "200", description = "A page of attempts")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    public Uni<Page<Attempt>> list(@PathParam("id") UUID candidateId, @BeanParam @Valid PageRequest paging) {
        return access.candidate(candidateId).chain(() -> of(candidateId, paging));
    }

    /** Needs no session of the caller's: opens its own. The id breaks ties, so pages never overlap. */
    public static Uni<Page<Attempt>> of(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(ExamResult.<ExamResult>find("candidateId",
                Sort.by("examDate").and("recordedAt").and("id"), candidateId),
                r -> new Attempt(r.bookingId, r.examDate, r.scaledScore, r.passed, r.noShow)));
    }
}
