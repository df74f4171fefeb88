package org.certboard.exam.sitting;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.certboard.exam.BoardConfig;
import org.certboard.exam.window.ExamWindow;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Sittings inside testing windows, managed by staff; the list shows the seats left. */
@Tag(name = "sittings",
        description = "Sittings: one site at one time inside a window, with a capacity; what candidates book")
@Path("/sittings")
public class SittingResource {

    public record NewSitting(@NotNull UUID windowId, @NotBlank @Size(max = 200) String site, @NotNull Instant startsAt,
            @NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer capacity) {
    }

    public record CapacityChange(@NotNull @Min(value = 1,
            message = "must be at least 1") @Max(100000) Integer capacity) {
    }

    public record SittingView(UUID id, UUID windowId, String site, Instant startsAt, int capacity, int seatsBooked,
            int seatsLeft) {
        static SittingView of(Sitting s) {
            return new SittingView(s.id, s.windowId, s.site, s.startsAt, s.capacity, s.seatsBooked,
                    s.capacity - s.seatsBooked);
        }
    }

    private final BoardConfig board;

    public SittingResource(BoardConfig board) {
        this.board = board;
    }

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "createSitting", summary = "Schedule a sitting inside a window (staff)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location",
            description = "The sitting, /sittings/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SittingView.class)))
    public Uni<RestResponse<SittingView>> create(@NotNull @Valid NewSitting body) {
        Sitting sitting = new Sitting();
        sitting.id = UUID.randomUUID();
        sitting.windowId = body.windowId();
        sitting.site = body.site();
        sitting.startsAt = body.startsAt();
        sitting.capacity = body.capacity();
        LocalDate day = LocalDate.ofInstant(body.startsAt(), board.timeZone());
        return Panache.withTransaction(() -> ExamWindow.<ExamWindow>findById(body.windowId())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("windowId", "no such window"))
                .invoke(window -> {
                    if (!window.contains(day)) {
                        throw ProblemException.invalid("startsAt", "must lie inside window " + window.opensOn + ".."
                                + window.closesOn + " (board time zone " + board.timeZone() + "), is on " + day);
                    }
                })
                .chain(window -> sitting.persist()))
                .map(done -> RestResponse.ResponseBuilder.<SittingView>created(URI.create("/sittings/" + sitting.id))
                        .entity(SittingView.of(sitting)).build());
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR, Roles.ADMIN })
    @Operation(operationId = "listSittings", summary = "List sittings, a page at a time",
            description = "Optionally of one window, or only those with seats left and open for booking. Ordered by "
            + "start, then id.")
    public Uni<Page<SittingView>> list(@QueryParam("windowId") UUID windowId,
            @QueryParam("available") boolean available,
            @BeanParam @Valid PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (windowId != null) {
            where.add("windowId = :windowId");
            parameters.and("windowId", windowId);
        }
        if (available) {
            where.add("seatsBooked < capacity");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Panache.withSession(() -> paging.fetch(
                Sitting.<Sitting>find(query, Sort.by("startsAt").and("id"), parameters), SittingView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR, Roles.ADMIN })
    @Operation(operationId = "getSitting", summary = "Read a sitting")
    @APIResponse(responseCode = "200", description = "The sitting")
    @APIResponse(responseCode = "404", description = "No such sitting")
    public Uni<SittingView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> Sitting.<Sitting>findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("sitting", id))
                .map(SittingView::of);
    }

    /** Changes the capacity; refused below the seats already booked, decided by the update's own condition. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "changeSittingCapacity", summary = "Change a sitting's capacity (staff)")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "404", description = "No such sitting")
    @APIResponse(responseCode = "409",
            description = "Capacity below bookings: `seatsBooked` names how many seats are taken")
    public Uni<SittingView> resize(@PathParam("id") UUID id, @NotNull @Valid CapacityChange body) {
        return Panache.withTransaction(() -> Seats.resize(id, body.capacity())
                .chain(resized -> Sitting.<Sitting>findById(id)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("sitting", id))
                        .invoke(sitting -> {
                            if (!resized) {
                                throw new ProblemException(Problem.of(409, "Capacity below bookings",
                                        "sitting " + id + " already has " + sitting.seatsBooked
                                                + " seats booked; capacity cannot go down to " + body.capacity())
                                        .with("seatsBooked", sitting.seatsBooked));
                            }
                        })))
                .map(SittingView::of);
    }
}
