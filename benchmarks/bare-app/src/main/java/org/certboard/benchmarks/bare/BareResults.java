package org.certboard.benchmarks.bare;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * exam-service's POST /results written bare: one insert of the exam_result row certboard writes for a scored result,
 * into exam-service's own database, with the same bearer-token check. exam_result.booking_id references booking and is
 * unique, so every request names a booking of its own that the runner seeded (as it does for certboard's side); the
 * request carries only the booking, so the row takes the booking's candidate and program in the insert itself (insert
 * ... select, one statement). No ORM, no outbox, no booking claim, no per-candidate lock, no separate look-ups: the
 * baseline the issue compares against.
 */
@Path("/results")
@Produces(MediaType.APPLICATION_JSON)
public class BareResults {
    /** CCM's scale and default pass mark (exam-service's ExamPrograms): the seeded windows set no pass mark. */
    private static final int MIN_SCORE = 200;
    private static final int MAX_SCORE = 800;
    private static final int PASS_MARK = 500;

    private final PgPool exam;
    private final SecurityIdentity identity;

    public BareResults(@ReactiveDataSource("exam") PgPool exam, SecurityIdentity identity) {
        this.exam = exam;
        this.identity = identity;
    }

    public record NewResult(UUID bookingId, Integer scaledScore) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("staff")
    public Uni<Response> record(NewResult body) {
        if (body == null || body.bookingId() == null || body.scaledScore() == null
                || body.scaledScore() < MIN_SCORE || body.scaledScore() > MAX_SCORE) {
            return Uni.createFrom().item(Response.status(400).build());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        boolean passed = body.scaledScore() >= PASS_MARK;
        // the day it is recorded (certboard's is its sitting's day): the runner's sittings started an hour before
        LocalDate examDate = now.toLocalDate();
        String subject = identity.getPrincipal().getName();
        return exam.preparedQuery("insert into exam_result (id, booking_id, candidate_id, program, scaled_score,"
                + " passed, no_show, exam_date, recorded_at, recorded_by_subject, recorded_by_role)"
                + " select $1, id, candidate_id, program, $3, $4, false, $5, $6, $7, 'staff' from booking where id = $2"
                + " returning candidate_id, program")
                .execute(Tuple.from(new Object[] { id, body.bookingId(), body.scaledScore(), passed,
                        examDate, now, subject }))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Response.status(404).build();
                    }
                    Row row = rows.iterator().next();
                    return Response.created(URI.create("/results/" + id)).entity(new JsonObject()
                            .put("id", id.toString()).put("bookingId", body.bookingId().toString())
                            .put("candidateId", row.getUUID("candidate_id").toString())
                            .put("scaledScore", body.scaledScore()).put("passed", passed).put("noShow", false)
                            .put("examDate", examDate.toString())
                            .put("recordedBy", new JsonObject().put("subject", subject).put("role", "staff"))
                            .put("program", row.getString("program"))).build();
                });
    }
}
