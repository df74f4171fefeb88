package org.certboard.exam.sitting;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Seat counts, changed by single conditional statements: the database row lock serialises concurrent requests, and
 * the condition in the statement (not a value read earlier) decides, so capacity holds under any concurrency.
 */
public final class Seats {
    private Seats() {
    }

    /** Takes one seat; false when the sitting is full. Runs in the caller's transaction. */
    public static Uni<Boolean> take(UUID sittingId) {
        return execute("update sitting set seats_booked = seats_booked + 1 where id = :id and seats_booked < capacity",
                sittingId).map(rows -> rows == 1);
    }

    public static Uni<Void> release(UUID sittingId) {
        return execute("update sitting set seats_booked = seats_booked - 1 where id = :id and seats_booked > 0",
                sittingId).replaceWithVoid();
    }

    /** Sets the capacity unless it would fall below the seats already booked; false when refused. */
    public static Uni<Boolean> resize(UUID sittingId, int capacity) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update sitting set capacity = :capacity where id = :id and seats_booked <= :capacity")
                .setParameter("id", sittingId).setParameter("capacity", capacity).executeUpdate())
                .map(rows -> rows == 1);
    }

    private static Uni<Integer> execute(String sql, UUID sittingId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("id", sittingId).executeUpdate());
    }
}
