package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A seat-limited sitting. seatsBooked changes only through conditional SQL updates, never read-modify-write. */
@Entity
@Table(name = "sitting")
public class Sitting extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "window_id")
    public UUID windowId;
    public String site;
    @Column(name = "starts_at")
    public Instant startsAt;
    public int capacity;
    @Column(name = "seats_booked")
    public int seatsBooked;
}
