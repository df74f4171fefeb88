package org.certboard.renewal.credential;

import java.util.OptionalLong;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.certboard.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** Answers 429 (problem+json, Retry-After) to a client over its limit on a {@link PublicEndpoint}. */
@Singleton
public class PublicRateLimit {
    /** Looked up per request: RESTEasy creates its filters at build-time init, before runtime configuration. */
    private final Provider<RateLimiter> limiter;
    private final Provider<TrustedProxies> proxies;

    public PublicRateLimit(Provider<RateLimiter> limiter, Provider<TrustedProxies> proxies) {
        this.limiter = limiter;
        this.proxies = proxies;
    }

    @PublicEndpoint
    @ServerRequestFilter
    public Response limit(HttpServerRequest request) {
        // the connection's own peer: request.remoteAddress() would be rewritten if Quarkus' forwarding were on
        SocketAddress peer = request.connection().remoteAddress();
        String client = proxies.get().client(peer == null ? "unknown" : peer.hostAddress(),
                request.headers().getAll("X-Forwarded-For"));
        OptionalLong retryAfter = limiter.get().acquire(client);
        if (retryAfter.isEmpty()) {
            return null;
        }
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter.getAsLong())
                .entity(Problem.of(429, "Too Many Requests", "this client made too many requests to the public "
                        + "endpoints; try again in " + retryAfter.getAsLong() + " s"))
                .build();
    }
}
