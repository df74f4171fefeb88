package org.certboard.candidate.webhook;

import java.util.UUID;

/** A delivery the sender claimed: where it goes, what it carries, how many tries it has had this round. */
record Due(UUID id, UUID subscriptionId, String url, String secret, String previousSecret, boolean previousValid,
        String body, int attempts) {
}
