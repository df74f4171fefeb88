package org.certboard.exam.result;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** A booking's no-show: a command on the booking whose outcome is a result, so it lives with the results. */
@Path("/bookings/{id}/no-show")
public class NoShowResource {
    private final ResultService results;
    private final Caller caller;

    public NoShowResource(ResultService results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    /** Staff, after the sitting started: the candidate did not attend; a failed attempt without a score. */
    @POST
    @RolesAllowed(Roles.STAFF)
    @Tag(name = "bookings")
    @Operation(operationId = "recordNoShow", summary = "Record that the candidate did not attend (staff)",
            description = "A failed attempt without a score, once the sitting has started.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location",
            description = "The result, /results/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "404", description = "No such booking")
    @APIResponse(responseCode = "409",
            description = "Booking not active, Sitting not started, or Result already recorded")
    public Uni<RestResponse<ResultView>> noShow(@PathParam("id") UUID id) {
        return results.noShow(id, caller.actor()).map(result -> RestResponse.ResponseBuilder
                .<ResultView>created(URI.create("/results/" + result.id)).entity(ResultView.of(result)).build());
    }
}
