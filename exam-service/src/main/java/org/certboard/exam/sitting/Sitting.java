package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A seat-limited sitting. seatsBooked changes only through conditional SQL updates, never read-modify-write. */
@Entity
public class Sitting {
    @Id
    public UUID id;
    public UUID windowId;
    public String site;
    public Instant startsAt;
    public int capacity;
    public int seatsBooked;

    public static Sitting schedule(UUID windowId, String site, Instant startsAt, int capacity) {
        Sitting sitting = new Sitting();
        sitting.id = UUID.randomUUID();
        sitting.windowId = windowId;
        sitting.site = site;
        sitting.startsAt = startsAt;
        sitting.capacity = capacity;
        return sitting;
    }
}
