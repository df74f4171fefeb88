package org.certboard.exam.result;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A candidate's attempts, oldest first; a no-show is an attempt without a score. */
@Path("/candidates/{id}/attempts")
public class AttemptResource {

    public record Attempt(UUID bookingId, LocalDate examDate, Integer scaledScore, boolean passed, boolean noShow) {
    }

    @GET
    public Uni<List<Attempt>> list(@PathParam("id") UUID candidateId) {
        return Panache.withSession(() -> ExamResult.<ExamResult>list("candidateId", Sort.by("examDate").and("recordedAt"),
                candidateId))
                .map(results -> results.stream()
                        .map(r -> new Attempt(r.bookingId, r.examDate, r.scaledScore, r.passed, r.noShow)).toList());
    }
}
