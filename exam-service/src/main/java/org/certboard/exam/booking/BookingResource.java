package org.certboard.exam.booking;

import java.net.URI;
import java.time.Instant;
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
import org.certboard.exam.result.ResultResource.ResultView;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Caller;
import org.certboard.platform.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@Path("/bookings")
public class BookingResource {

    public record NewBooking(@NotNull UUID candidateId, @NotNull UUID sittingId) {
    }

    public record SittingChange(@NotNull UUID sittingId) {
    }

    public record BookingView(UUID id, UUID candidateId, UUID sittingId, Booking.Status status, boolean deferred,
            Instant bookedAt) {
        public static BookingView of(Booking b) {
            return new BookingView(b.id, b.candidateId, b.sittingId, b.status, b.deferred, b.bookedAt);
        }
    }

    private final BookingService bookings;
    private final ExamAccess access;
    private final Caller caller;

    public BookingResource(BookingService bookings, ExamAccess access, Caller caller) {
        this.bookings = bookings;
        this.access = access;
        this.caller = caller;
    }

    /** A candidate books for themselves; staff book for anyone. */
    @POST
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<RestResponse<BookingView>> book(@NotNull @Valid NewBooking body) {
        return access.candidate(body.candidateId()).chain(() -> bookings.book(body.candidateId(), body.sittingId()))
                .map(booking -> RestResponse.ResponseBuilder.<BookingView>created(URI.create("/bookings/" + booking.id))
                        .entity(BookingView.of(booking)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR })
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return access.booking(id).chain(() -> Panache.withSession(() -> Booking.<Booking>findById(id)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("booking", id))
                .map(BookingView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<RestResponse<Void>> cancel(@PathParam("id") UUID id) {
        return access.booking(id).chain(() -> bookings.cancel(id)).map(done -> RestResponse.noContent());
    }

    @PUT
    @Path("/{id}/sitting")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<BookingView> reschedule(@PathParam("id") UUID id, @NotNull @Valid SittingChange body) {
        return access.booking(id).chain(() -> bookings.reschedule(id, body.sittingId())).map(BookingView::of);
    }

    /** Staff, after the sitting started: the candidate did not attend; a failed attempt without a score. */
    @POST
    @Path("/{id}/no-show")
    @RolesAllowed(Roles.STAFF)
    public Uni<RestResponse<ResultView>> noShow(@PathParam("id") UUID id) {
        return bookings.noShow(id, caller.actor()).map(result -> RestResponse.ResponseBuilder
                .<ResultView>created(URI.create("/results/" + result.id)).entity(ResultView.of(result)).build());
    }
}
