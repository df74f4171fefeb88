package org.certboard.platform.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** The sandbox's clock API: read the board clock and move it forward. Answers 404 outside sandbox mode. */
@Path("/admin/clock")
@Tag(name = "sandbox",
        description = "The sandbox's board clock (admin, sandbox mode only): read it and move it forward to play "
        + "out deadlines")
@RolesAllowed(Roles.ADMIN)
public class ClockResource {

    /** {@code offset} in the format its schema declares (JSON Schema {@code duration}: no fraction of a second). */
    @Schema(name = "BoardClockState")
    public record ClockState(Instant now, @JsonSerialize(using = SchemaDuration.class) Duration offset) {
    }

    /** Exactly one of the two: a forward ISO-8601 duration, or an instant later than now. */
    @Schema(name = "BoardClockMove")
    public record ClockMove(String advanceBy, String setTo) {
    }

    private final BoardClock clock;
    private final boolean sandbox;
    private final Event<ClockMoved> moved;
    private final ClockStore store;

    public ClockResource(BoardClock clock, @ConfigProperty(name = "certboard.sandbox") boolean sandbox,
            Event<ClockMoved> moved, ClockStore store) {
        this.clock = clock;
        this.store = store;
        this.sandbox = sandbox;
        this.moved = moved;
    }

    @GET
    // "{service}" is replaced by ContractFilter with the service's name: each service has its own clock operation
    @Operation(operationId = "get{service}Clock", summary = "Read the board clock (sandbox mode only)")
    @APIResponse(responseCode = "200", description = "The board clock now")
    @APIResponse(responseCode = "404", description = "Not in sandbox mode")
    public ClockState get() {
        requireSandbox();
        return new ClockState(clock.instant(), clock.offset());
    }

    @POST
    @Operation(operationId = "move{service}Clock", summary = "Move the board clock forward (sandbox mode only)")
    @APIResponse(responseCode = "200", description = "Moved: the board clock now")
    @APIResponse(responseCode = "404", description = "Not in sandbox mode")
    @APIResponse(responseCode = "409", description = "Clock moves forward only")
    public ClockState move(ClockMove move) {
        requireSandbox();
        if (move == null || (move.advanceBy() == null) == (move.setTo() == null)) {
            throw ProblemException.invalid("advanceBy", "give exactly one of advanceBy (e.g. P30D) or setTo (an instant)");
        }
        Instant before = clock.instant();
        Instant after;
        try {
            after = move.advanceBy() != null ? clock.advance(parseDuration(move.advanceBy()))
                    : clock.moveTo(Instant.parse(move.setTo()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(move.advanceBy() != null ? "advanceBy" : "setTo",
                    "not an ISO-8601 " + (move.advanceBy() != null ? "duration such as P30D or P4Y6M" : "instant such as 2031-03-01T09:00:00Z"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(409, "Clock moves forward only", e.getMessage()));
        }
        // stored before anyone is told: a restart from here on keeps the new time
        store.save(clock.offset());
        moved.fire(new ClockMoved(before, after));
        return new ClockState(after, clock.offset());
    }

    private void requireSandbox() {
        if (!sandbox) {
            throw new ProblemException(Problem.of(404, "Not Found", "the clock API exists only in sandbox mode"));
        }
    }

    /** Accepts periods with years and months (P4Y6M), resolved against the current board date, and plain durations. */
    private Duration parseDuration(String text) {
        if (text.contains("T")) {
            return Duration.parse(text);
        }
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return Duration.between(now, now.plus(java.time.Period.parse(text)));
    }
}
