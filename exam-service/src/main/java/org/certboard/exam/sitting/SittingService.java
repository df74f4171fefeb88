package org.certboard.exam.sitting;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.exam.BoardConfig;
import org.certboard.exam.window.WindowRepository;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Sittings inside testing windows: scheduled and resized by staff, listed with the seats left. */
@ApplicationScoped
public class SittingService {
    private final SittingRepository sittings;
    private final WindowRepository windows;
    private final BoardConfig board;

    public SittingService(SittingRepository sittings, WindowRepository windows, BoardConfig board) {
        this.sittings = sittings;
        this.windows = windows;
        this.board = board;
    }

    /** The sitting must start inside its window on the board's calendar. */
    public Uni<Sitting> schedule(NewSitting body) {
        Sitting sitting = Sitting.schedule(body.windowId(), body.site(), body.startsAt(), body.capacity());
        LocalDate day = LocalDate.ofInstant(body.startsAt(), board.timeZone());
        return Panache.withTransaction(() -> windows.findById(body.windowId())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("windowId", "no such window"))
                .invoke(window -> {
                    if (!window.contains(day)) {
                        throw ProblemException.invalid("startsAt", "must lie inside window " + window.opensOn + ".."
                                + window.closesOn + " (board time zone " + board.timeZone() + "), is on " + day);
                    }
                })
                .chain(window -> sittings.persist(sitting)));
    }

    public Uni<Sitting> get(UUID id) {
        return Panache.withSession(() -> sittings.findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("sitting", id));
    }

    public Uni<Page<SittingView>> list(UUID windowId, boolean available, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(sittings.list(windowId, available), SittingView::of));
    }

    /** Refused below the seats already booked, decided by the update's own condition. */
    public Uni<Sitting> resize(UUID id, int capacity) {
        return Panache.withTransaction(() -> sittings.resize(id, capacity)
                .chain(resized -> sittings.findById(id)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("sitting", id))
                        .invoke(sitting -> {
                            if (!resized) {
                                throw new ProblemException(Problem.of(409, "Capacity below bookings",
                                        "sitting " + id + " already has " + sitting.seatsBooked
                                                + " seats booked; capacity cannot go down to " + capacity)
                                        .with("seatsBooked", sitting.seatsBooked));
                            }
                        })));
    }
}
