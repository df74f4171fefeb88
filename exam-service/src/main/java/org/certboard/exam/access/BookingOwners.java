package org.certboard.exam.access;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Whether a booking is a candidate's. Owned here and implemented by the booking repository, so that access stays below
 * the capabilities whose resources it guards.
 */
public interface BookingOwners {

    /** Needs the caller's session. */
    Uni<Boolean> holds(UUID candidateId, UUID bookingId);
}
