package org.certboard.exam.booking;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.exam.access.ExamAccess;
import org.certboard.exam.booking.BookingResource.BookingView;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A candidate's bookings, newest last. */
@Path("/candidates/{id}/bookings")
public class BookingListResource {
    private final ExamAccess access;

    public BookingListResource(ExamAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    public Uni<Page<BookingView>> candidateBookings(@PathParam("id") UUID candidateId,
            @BeanParam @Valid PageRequest paging) {
        return access.candidate(candidateId).chain(() -> ofCandidate(candidateId, paging));
    }

    /** Opens its own session. */
    public static Uni<Page<BookingView>> ofCandidate(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(Booking.<Booking>find("candidateId",
                Sort.by("bookedAt").and("id"), candidateId), BookingView::of));
    }
}
