package org.certboard.platform.rulefixture.plain;

import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer named as one. */
public class SeatListener {
    @Incoming("rule-fixture-seats")
    public void onSeat(String seat) {
        // a fixture: only its shape matters
    }
}
