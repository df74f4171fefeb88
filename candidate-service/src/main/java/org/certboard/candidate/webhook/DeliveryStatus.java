package org.certboard.candidate.webhook;

/** PENDING until the subscriber answers 2xx (DELIVERED) or the retry schedule runs out (PARKED). */
public enum DeliveryStatus {
    PENDING, DELIVERED, PARKED
}
