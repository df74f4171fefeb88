package org.certboard.exam.result;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.exam.access.ExamAccess;
import org.certboard.platform.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A candidate's attempts, oldest first; a no-show is an attempt without a score. */
@Path("/candidates/{id}/attempts")
public class AttemptResource {

    public record Attempt(UUID bookingId, LocalDate examDate, Integer scaledScore, boolean passed, boolean noShow) {
    }

    private final ExamAccess access;

    public AttemptResource(ExamAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<List<Attempt>> list(@PathParam("id") UUID candidateId) {
        return access.candidate(candidateId).chain(() -> of(candidateId));
    }

    /** Needs no session of the caller's: opens its own. */
    public static Uni<List<Attempt>> of(UUID candidateId) {
        return Panache.withSession(() -> ExamResult.<ExamResult>list("candidateId", Sort.by("examDate").and("recordedAt"),
                candidateId))
                .map(results -> results.stream()
                        .map(r -> new Attempt(r.bookingId, r.examDate, r.scaledScore, r.passed, r.noShow)).toList());
    }
}
