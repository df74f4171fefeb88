package org.certboard.renewal.calendar;

/** Where a board date lies relative to a cycle's expiry, as far as renewing it is concerned. */
public enum RenewalTiming {
    /** Before the renewal window opens. */
    TOO_EARLY,
    /** Inside the renewal window (up to and including the expiry date). */
    ON_TIME,
    /** After expiry, inside the grace period: a late renewal, without a gap. */
    LATE,
    /** After the grace period: the certification lapses. */
    TOO_LATE
}
