package org.certboard.renewal.credential;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-client limit on the public endpoints (verification page, credential verification, status lists, JWKS):
 * sequential certification numbers invite scraping. Clients are told apart by the address the connection came from;
 * behind proxies, by the address the nearest untrusted hop has in {@code X-Forwarded-For} ({@link TrustedProxies}).
 * Quarkus' own forwarding ({@code quarkus.http.proxy.*}) is not used for this: it believes the leftmost entry, which
 * the caller writes.
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

    /**
     * The proxies in front of the service, as addresses or networks (e.g. the ingress controller's pod network,
     * {@code 10.0.0.0/8}). Only from these is {@code X-Forwarded-For} read; none (the default) ignores it.
     */
    Optional<List<String>> trustedProxies();
}
