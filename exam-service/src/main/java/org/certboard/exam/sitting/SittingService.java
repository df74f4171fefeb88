package org.certboard.exam.sitting;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.exam.window.WindowRepository;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.http.Preconditions;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Sittings inside testing windows: scheduled and resized by staff, listed with the seats left. */
@ApplicationScoped
public class SittingService {
    private final SittingRepository sittings;
    private final WindowRepository windows;
    private final BoardTime time;

    public SittingService(SittingRepository sittings, WindowRepository windows, BoardTime time) {
        this.sittings = sittings;
        this.windows = windows;
        this.time = time;
    }

    /** The sitting must start inside its window on the board's calendar; it is its window's program's. */
    public Uni<Sitting> schedule(NewSitting body) {
        LocalDate day = time.dateOf(body.startsAt());
        return Panache.withTransaction(() -> windows.findById(body.windowId())
                .onItem().ifNull().failWith(() -> Refusal.invalid("windowId", "no such window"))
                .invoke(window -> {
                    if (!window.contains(day)) {
                        throw Refusal.invalid("startsAt", "must lie inside window " + window.opensOn + ".."
                                + window.closesOn + " (board time zone " + time.zone() + "), is on " + day);
                    }
                })
                .chain(window -> sittings.persist(Sitting.schedule(window, body.site(), body.startsAt(),
                        body.capacity()))));
    }

    public Uni<Sitting> get(UUID id) {
        return Panache.withSession(() -> sittings.findById(id))
                .onItem().ifNull().failWith(() -> Refusal.notFound("sitting", id));
    }

    public Uni<Page<SittingView>> list(UUID windowId, boolean available, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(sittings.list(windowId, available), SittingView::of));
    }

    /**
     * Only on the version the caller read ({@code ifMatch}, see {@link Preconditions}); refused below the seats
     * already booked. Answers the sitting as written, with its new version.
     */
    public Uni<Sitting> resize(UUID id, int capacity, String ifMatch) {
        return Panache.withTransaction(() -> sittings.findLocked(id)
                .onItem().ifNull().failWith(() -> Refusal.notFound("sitting", id))
                .invoke(sitting -> {
                    Preconditions.requireIfMatch(ifMatch, sitting.version);
                    sitting.resize(capacity);
                }));
    }
}
