package org.certboard.platform.archfixture.service.plain;

import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer named as one. */
public class SeatListener {
    @Incoming("archfixture-seats")
    public void onSeat(String seat) {
        // a fixture: only its shape matters
    }
}
