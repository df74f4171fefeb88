package org.certboard.exam.booking;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.exam.access.ExamAccess;
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

@Tag(name = "bookings",
        description = "Bookings: a candidate's seat at a sitting, cancelled, moved to another sitting (one "
        + "deferral) or marked a no-show")
@Path("/bookings")
public class BookingResource {

    private final BookingService bookings;
    private final ExamAccess access;

    public BookingResource(BookingService bookings, ExamAccess access) {
        this.bookings = bookings;
        this.access = access;
    }

    /** A candidate books for themselves; staff book for anyone. */
    @POST
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "bookSitting", summary = "Book a seat at a sitting",
            description = "For the candidate named by `candidateId` (a candidate books for themselves).")
    @APIResponse(responseCode = "201", description = "Booked", headers = @Header(name = "Location",
            description = "The booking, /bookings/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "403",
            description = "Not authorised: the candidate holds no exam authorisation (`candidateId`), or the "
            + "token's roles may not book")
    @APIResponse(responseCode = "404", description = "No such sitting, or another person's candidate id")
    @APIResponse(responseCode = "409",
            description = "Sitting full, Already booked, or Cutoff passed (`cutoff`: when booking closed)")
    @APIResponse(responseCode = "422", description = "Already passed, Attempts exhausted or Retake too soon")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<RestResponse<BookingView>> book(@NotNull @Valid NewBooking body) {
        return access.candidate(body.candidateId()).chain(() -> bookings.book(body.candidateId(), body.sittingId()))
                .map(booking -> RestResponse.ResponseBuilder.<BookingView>created(URI.create("/bookings/" + booking.id))
                        .entity(BookingView.of(booking)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR })
    @Operation(operationId = "getBooking", summary = "Read a booking")
    @APIResponse(responseCode = "200", description = "The booking")
    @APIResponse(responseCode = "404", description = "No such booking (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return access.booking(id).chain(() -> bookings.get(id)).map(BookingView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "cancelBooking", summary = "Cancel a booking, freeing its seat")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such booking (or another person's)")
    @APIResponse(responseCode = "409", description = "Booking not active, or Cutoff passed")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<RestResponse<Void>> cancel(@PathParam("id") UUID id) {
        return access.booking(id).chain(() -> bookings.cancel(id)).map(done -> RestResponse.noContent());
    }

    @PUT
    @Path("/{id}/sitting")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "rescheduleBooking", summary = "Move a booking to another sitting (its one deferral)")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "404", description = "No such booking or sitting (or another person's)")
    @APIResponse(responseCode = "409",
            description = "Deferral used, Booking not active, Sitting full, or Cutoff passed")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<BookingView> reschedule(@PathParam("id") UUID id, @NotNull @Valid SittingChange body) {
        return access.booking(id).chain(() -> bookings.reschedule(id, body.sittingId())).map(BookingView::of);
    }
}
