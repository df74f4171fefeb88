package org.certboard.exam.booking;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** A sitting's roster: what the vendor needs to deliver it and report its results. */
@Path("/sittings/{id}/bookings")
public class SittingRosterResource {
    private final BookingService bookings;

    public SittingRosterResource(BookingService bookings) {
        this.bookings = bookings;
    }

    /** Every booking of the sitting, whatever its status: what the vendor needs to deliver it and report results. */
    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.STAFF })
    @Tag(name = "bookings")
    @Operation(operationId = "listSittingBookings",
            summary = "List the bookings of a sitting (its roster), a page at a time")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "404", description = "No such sitting")
    public Uni<Page<BookingView>> roster(@PathParam("id") UUID sittingId, @BeanParam @Valid PageRequest paging) {
        return bookings.roster(sittingId, paging);
    }
}
