package org.certboard.platform.archfixture.service.broken;

import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes a channel under another name: breaks "consumers are listeners". */
public class ResultsProjection {
    @Incoming("archfixture-results")
    public void onResult(String result) {
        // a fixture: only its shape matters
    }
}
