package org.certboard.renewal.credential;

import java.net.URI;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.platform.clock.BoardConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Turns configuration into the signing key, issuer profile and public rate limiter at start-up, so that a bad key
 * stops the service.
 */
public class CredentialSetup {
    private static final Logger LOG = Logger.getLogger(CredentialSetup.class);

    @Produces
    @Singleton
    @Startup
    SigningKey signingKey(CredentialConfig config, @ConfigProperty(name = "certboard.sandbox") boolean sandbox) {
        if (config.signingKey().isPresent()) {
            return SigningKey.parse(config.signingKey().get());
        }
        if (!sandbox && !config.generateKey()) {
            throw new IllegalStateException("certboard.credentials.signing-key is not set: configure the board's "
                    + "private key (a JWK or PEM, from a Secret), or set certboard.credentials.generate-key=true "
                    + "outside production");
        }
        SigningKey generated = SigningKey.generate();
        LOG.warnf("credentials are signed with a key generated at start-up (%s); configure "
                + "certboard.credentials.signing-key to keep one across restarts", generated.keyId());
        return generated;
    }

    @Produces
    @Singleton
    @Startup
    IssuerProfile issuerProfile(CredentialConfig config, BoardConfig board,
            @ConfigProperty(name = "certboard.sandbox") boolean sandbox,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        URI baseUrl = config.baseUrl().orElseGet(() -> {
            if (!sandbox) {
                throw new IllegalStateException("certboard.credentials.base-url is not set: configure the board's "
                        + "public verification URL (e.g. https://verify.board.example), which every credential names "
                        + "as its issuer and status list host; only sandbox mode defaults to this machine");
            }
            return URI.create("http://127.0.0.1:" + port);
        });
        return new IssuerProfile(baseUrl, config.issuerName(), board.timeZone(), config.statusListSize());
    }

    @Produces
    @Singleton
    RateLimiter publicRateLimiter(PublicRateLimitConfig config) {
        return new RateLimiter(config.requests(), config.window(), config.maxClients(), System::nanoTime);
    }

    @Produces
    @Singleton
    CredentialVerifier verifier(IssuerProfile profile) {
        return new CredentialVerifier(profile);
    }
}
