package org.certboard.exam.result;

import java.net.URI;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Results entered by staff or imported in bulk from the test vendor. */
@Tag(name = "results",
        description = "Exam results: entered by staff, sent or imported in bulk (JSON or CSV) by the test vendor; a "
        + "candidate's attempts")
@Path("/results")
public class ResultResource {

    private final ResultService results;
    private final Caller caller;

    public ResultResource(ResultService results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    /** The resource {@code POST /results} and {@code POST /bookings/{id}/no-show} answer in their {@code Location}. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.VENDOR })
    @Operation(operationId = "getResult", summary = "Read a recorded result (or no-show)")
    @APIResponse(responseCode = "200", description = "The result")
    @APIResponse(responseCode = "404", description = "No such result")
    public Uni<ResultView> get(@PathParam("id") UUID id) {
        return results.get(id).map(ResultView::of);
    }

    @POST
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    @Operation(operationId = "recordResult", summary = "Record the result of a booking")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location",
            description = "The result, /results/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "404", description = "No such booking")
    @APIResponse(responseCode = "409",
            description = "Result already recorded (`scaledScore`: the score on record) or Recorded concurrently")
    @APIResponse(responseCode = "422",
            description = "Result not recordable (the booking is not active or its sitting has not started)")
    public Uni<RestResponse<ResultView>> record(@NotNull @Valid NewResult body) {
        return results.record(body.bookingId(), body.scaledScore(), caller.actor())
                .map(result -> RestResponse.ResponseBuilder.<ResultView>created(URI.create("/results/" + result.id))
                        .entity(ResultView.of(result)).build());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    @Operation(operationId = "importResults", summary = "Import results in bulk (JSON rows or CSV)",
            description = "Each row is checked alone: a bad row is reported in `rejected` with its line, the valid "
            + "rows are kept. Importing a row again changes nothing (`unchanged`). CSV: a header "
            + "`bookingId,scaledScore`, then one row a line.")
    @APIResponse(responseCode = "200", description = "What was accepted, unchanged and rejected")
    @RequestBody(required = true, content = { @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ImportRow.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "bookingId,scaledScore header, then one row a line",
                    example = "bookingId,scaledScore\n7b0c9e7e-2d1a-4c55-9a35-0d2b8f1c3e4a,640\n")) })
    public Uni<ImportReport> importJson(@NotNull List<ImportRow> rows) {
        return results.importRows(IntStream.range(0, rows.size())
                .mapToObj(i -> rows.get(i) == null ? new ImportRows.Row(i + 1, null, null, "not an object")
                        : new ImportRows.Row(i + 1, rows.get(i).bookingId(), rows.get(i).scaledScore()))
                .toList(), caller.actor());
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    // documented with importJson: one operation, two media types (text/csv here)
    public Uni<ImportReport> importCsv(String csv) {
        List<ImportRows.Row> rows;
        try {
            rows = ImportRows.fromCsv(csv);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("header", e.getMessage());
        }
        return results.importRows(rows, caller.actor());
    }
}
