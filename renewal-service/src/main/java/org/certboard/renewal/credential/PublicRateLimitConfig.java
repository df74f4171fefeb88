package org.certboard.renewal.credential;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-client limit on the public endpoints (verification page, credential verification, status lists, JWKS):
 * sequential certification numbers invite scraping. Clients are told apart by their remote address (behind a proxy,
 * set {@code quarkus.http.proxy.proxy-address-forwarding} so it is the client's).
 */
@ConfigMapping(prefix = "certboard.public-rate-limit")
public interface PublicRateLimitConfig {

    /** Requests a client may make per {@link #window()} (a token bucket: bursts up to this, refilled evenly). */
    @WithDefault("60")
    @Positive
    int requests();

    @WithDefault("60s")
    Duration window();

    /** Clients remembered at most; beyond it, those with a full bucket are forgotten first. */
    @WithDefault("100000")
    @Positive
    int maxClients();
}
