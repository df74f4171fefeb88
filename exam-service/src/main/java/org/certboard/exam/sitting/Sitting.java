package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.certboard.exam.window.ExamWindow;
import org.certboard.platform.domain.Refusal;

/**
 * A seat-limited sitting. seatsBooked changes only through conditional SQL updates, never read-modify-write; those
 * move {@link #version} on too, so the ETag changes whenever the sitting does.
 */
@Entity
public class Sitting {
    @Id
    public UUID id;
    public UUID windowId;
    /** Its window's program, kept with the sitting because booking decides on it (a window never changes program). */
    public String program;
    public String site;
    public Instant startsAt;
    public int capacity;
    public int seatsBooked;
    /** Its ETag; Hibernate moves it on when it writes the row, the seat updates do so themselves. */
    @Version
    public long version;

    public static Sitting schedule(ExamWindow window, String site, Instant startsAt, int capacity) {
        Sitting sitting = new Sitting();
        sitting.id = UUID.randomUUID();
        sitting.windowId = window.id;
        sitting.program = window.program;
        sitting.site = site;
        sitting.startsAt = startsAt;
        sitting.capacity = capacity;
        return sitting;
    }

    /**
     * A new capacity, refused below the seats already booked. The caller holds the row lock, so no seat is taken
     * between this check and the write (and the check constraint stands behind it).
     */
    public void resize(int newCapacity) {
        if (newCapacity < seatsBooked) {
            throw Refusal.conflict("Capacity below bookings", "sitting " + id + " already has "
                    + seatsBooked + " seats booked; capacity cannot go down to " + newCapacity)
                    .with("seatsBooked", seatsBooked);
        }
        capacity = newCapacity;
    }
}
