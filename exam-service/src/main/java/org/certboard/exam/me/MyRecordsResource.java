package org.certboard.exam.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.certboard.exam.access.ExamAccess;
import org.certboard.exam.booking.BookingService;
import org.certboard.exam.booking.BookingView;
import org.certboard.exam.result.Attempt;
import org.certboard.exam.result.ResultService;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The caller's own records, so a candidate's front end never needs to know (or guess) an id. */
@Path("/candidates/me")
@RolesAllowed(Roles.CANDIDATE)
public class MyRecordsResource {
    private final ExamAccess access;
    private final BookingService bookings;
    private final ResultService results;

    public MyRecordsResource(ExamAccess access, BookingService bookings, ResultService results) {
        this.access = access;
        this.bookings = bookings;
        this.results = results;
    }

    @GET
    @Path("/bookings")
    @Tag(name = "bookings")
    @Operation(operationId = "listMyBookings", summary = "List the caller's own bookings, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<BookingView>> bookings(@BeanParam @Valid PageRequest paging) {
        return access.self().chain(self -> bookings.ofCandidate(self, paging));
    }

    @GET
    @Path("/attempts")
    @Tag(name = "results")
    @Operation(operationId = "listMyAttempts", summary = "List the caller's own exam attempts, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of attempts")
    @APIResponse(responseCode = "503", ref = "CandidateNotKnownYet")
    public Uni<Page<Attempt>> attempts(@BeanParam @Valid PageRequest paging) {
        return access.self().chain(candidateId -> results.attempts(candidateId, paging));
    }
}
