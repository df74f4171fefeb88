package org.certboard.candidate.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certboard.webhooks.*}: docs/operations.md lists them with their defaults. */
@ConfigMapping(prefix = "certboard.webhooks")
public interface WebhookConfig {

    /** The waits between attempts, board time; after the last one fails the delivery is parked. */
    @WithDefault("PT5M,PT30M,PT2H,PT8H,PT24H")
    List<Duration> retrySchedule();

    /** Each wait is spread by up to this share either way, so that failed deliveries do not retry in step. */
    @WithDefault("0.2")
    double jitter();

    /** CIDRs a subscriber may resolve to although they are private, loopback or link-local (none by default). */
    Optional<List<String>> allowedNetworks();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** The whole answer must arrive within this; a subscriber that hangs fails the attempt. */
    @WithDefault("PT10S")
    Duration readTimeout();

    /** Deliveries in flight to one subscriber at once (each of a different person or topic). */
    @WithDefault("4")
    int maxInFlightPerSubscription();

    /** How often the sender looks for due deliveries besides being woken by the consumer. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long the old secret still signs after a rotation. */
    @WithDefault("P1D")
    Duration rotationOverlap();

    /** Base64 of a 256-bit AES key that encrypts the signing secrets at rest (a Kubernetes Secret in production). */
    String secretKey();
}
