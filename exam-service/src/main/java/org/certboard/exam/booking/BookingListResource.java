package org.certboard.exam.booking;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** A candidate's bookings, newest last. */
@Path("/candidates/{id}/bookings")
public class BookingListResource {
    private final ExamAccess access;
    private final BookingService bookings;

    public BookingListResource(ExamAccess access, BookingService bookings) {
        this.access = access;
        this.bookings = bookings;
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Tag(name = "bookings")
    @Operation(operationId = "listCandidateBookings", summary = "List a candidate's bookings, a page at a time",
            description = "Ordered by booking time, then id.")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "404", description = "No such candidate (or another person's)")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<BookingView>> candidateBookings(@PathParam("id") UUID candidateId,
            @BeanParam @Valid PageRequest paging) {
        return access.candidate(candidateId).chain(() -> bookings.ofCandidate(candidateId, paging));
    }
}
