package org.certboard.exam.me;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.certboard.exam.access.ExamAccess;
import org.certboard.exam.booking.BookingListResource;
import org.certboard.exam.booking.BookingResource.BookingView;
import org.certboard.exam.result.AttemptResource;
import org.certboard.exam.result.AttemptResource.Attempt;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;

import io.smallrye.mutiny.Uni;

/** The caller's own records, so a candidate's front end never needs to know (or guess) an id. */
@Path("/candidates/me")
@RolesAllowed(Roles.CANDIDATE)
public class MyRecordsResource {
    private final ExamAccess access;

    public MyRecordsResource(ExamAccess access) {
        this.access = access;
    }

    @GET
    @Path("/bookings")
    public Uni<Page<BookingView>> bookings(@BeanParam @Valid PageRequest paging) {
        return access.self().chain(self -> BookingListResource.ofCandidate(self, paging));
    }

    @GET
    @Path("/attempts")
    public Uni<List<Attempt>> attempts() {
        return access.self().chain(AttemptResource::of);
    }
}
