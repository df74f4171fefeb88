package org.certboard.renewal.credential;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

/** The proxies the public rate limit believes, read at start-up so that a mistyped network stops the service. */
@Singleton
public class PublicRateLimitSetup {

    @Produces
    @Singleton
    @Startup
    TrustedProxies trustedProxies(PublicRateLimitConfig config) {
        return new TrustedProxies(config.trustedProxies().orElse(List.of()));
    }
}
