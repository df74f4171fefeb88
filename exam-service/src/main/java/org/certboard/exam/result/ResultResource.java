package org.certboard.exam.result;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.security.Roles;
import org.certboard.platform.security.Caller;
import org.certboard.events.Actor;
import org.certboard.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Results entered by staff or imported in bulk from the test vendor. */
@Path("/results")
public class ResultResource {

    public record NewResult(@NotNull UUID bookingId, @NotNull Integer scaledScore) {
    }

    /** Values stay text so that a bad one rejects its row, not the whole import. */
    public record ImportRow(String bookingId, String scaledScore) {
    }

    /** {@code recordedBy}: the vendor account or staff member who recorded the result. */
    public record ResultView(UUID id, UUID bookingId, UUID candidateId, Integer scaledScore, boolean passed,
            boolean noShow, LocalDate examDate, Actor recordedBy) {
        public static ResultView of(ExamResult r) {
            return new ResultView(r.id, r.bookingId, r.candidateId, r.scaledScore, r.passed, r.noShow, r.examDate,
                    r.recordedBy());
        }
    }

    private final ResultService results;
    private final Caller caller;

    public ResultResource(ResultService results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    /** The resource {@code POST /results} and {@code POST /bookings/{id}/no-show} answer in their {@code Location}. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"staff", "vendor"})
    public Uni<ResultView> get(UUID id) {
        return Panache.withSession(() -> ExamResult.<ExamResult>findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("result", id))
                .map(ResultView::of);
    }

    @POST
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    public Uni<RestResponse<ResultView>> record(@NotNull @Valid NewResult body) {
        return results.record(body.bookingId(), body.scaledScore(), caller.actor())
                .map(result -> RestResponse.ResponseBuilder.<ResultView>created(URI.create("/results/" + result.id))
                        .entity(ResultView.of(result)).build());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    public Uni<ResultService.ImportReport> importJson(@NotNull List<ImportRow> rows) {
        return results.importRows(IntStream.range(0, rows.size())
                .mapToObj(i -> rows.get(i) == null ? new ImportRows.Row(i + 1, null, null, "not an object")
                        : new ImportRows.Row(i + 1, rows.get(i).bookingId(), rows.get(i).scaledScore()))
                .toList(), caller.actor());
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    public Uni<ResultService.ImportReport> importCsv(String csv) {
        List<ImportRows.Row> rows;
        try {
            rows = ImportRows.fromCsv(csv);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("header", e.getMessage());
        }
        return results.importRows(rows, caller.actor());
    }
}
