package org.certboard.renewal.credential;

import java.util.OptionalLong;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.certboard.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/** Answers 429 (problem+json, Retry-After) to a client over its limit on a {@link PublicEndpoint}. */
@Singleton
public class PublicRateLimit {
    private final RateLimiter limiter;

    public PublicRateLimit(PublicRateLimitConfig config) {
        this.limiter = new RateLimiter(config.requests(), config.window(), config.maxClients(), System::nanoTime);
    }

    @PublicEndpoint
    @ServerRequestFilter
    public Response limit(HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        OptionalLong retryAfter = limiter.acquire(client);
        if (retryAfter.isEmpty()) {
            return null;
        }
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter.getAsLong())
                .entity(Problem.of(429, "Too Many Requests", "this client made too many requests to the public "
                        + "endpoints; try again in " + retryAfter.getAsLong() + " s"))
                .build();
    }
}
