package org.certboard.exam.sitting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.exam.window.ExamWindow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * The {@code sitting} table. Seat counts change by single conditional statements: the database row lock serialises
 * concurrent requests, and the condition in the statement (not a value read earlier) decides, so capacity holds under
 * any concurrency. Every method runs in the caller's session (and transaction, for the writes).
 */
@ApplicationScoped
public class SittingRepository implements PanacheRepositoryBase<Sitting, UUID> {

    /** A sitting with its window. */
    public record Scheduled(Sitting sitting, ExamWindow window) {
    }

    /** The sitting with its window, in one query; null when there is no such sitting. */
    public Uni<Scheduled> findScheduled(UUID sittingId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select s, w from Sitting s join ExamWindow w on w.id = s.windowId where s.id = :id", Object[].class)
                .setParameter("id", sittingId).getSingleResultOrNull())
                .map(row -> row == null ? null : new Scheduled((Sitting) row[0], (ExamWindow) row[1]));
    }

    /** Takes one seat; false when the sitting is full. */
    public Uni<Boolean> takeSeat(UUID sittingId) {
        return execute("update sitting set seats_booked = seats_booked + 1, version = version + 1"
                + " where id = :id and seats_booked < capacity",
                sittingId).map(rows -> rows == 1);
    }

    public Uni<Void> releaseSeat(UUID sittingId) {
        return execute("update sitting set seats_booked = seats_booked - 1, version = version + 1"
                + " where id = :id and seats_booked > 0",
                sittingId).replaceWithVoid();
    }

    /** The sitting locked for update: a capacity change decides on it while no seat can be taken. */
    public Uni<Sitting> findLocked(UUID sittingId) {
        return findById(sittingId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Optionally of one window, optionally only those with seats left; by start, the id breaking ties. */
    public PanacheQuery<Sitting> list(UUID windowId, boolean available) {
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
        return find(query, Sort.by("startsAt").and("id"), parameters);
    }

    private static Uni<Integer> execute(String sql, UUID sittingId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("id", sittingId).executeUpdate());
    }
}
