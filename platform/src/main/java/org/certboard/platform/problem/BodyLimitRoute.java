package org.certboard.platform.problem;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a problem document before
 * it is read. Quarkus' own check, which runs later, answers the same 413 with an empty body.
 */
public class BodyLimitRoute {

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced <= max) {
                context.next();
                return;
            }
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(Problem.of(413, "Content Too Large", "the request body has " + announced
                            + " bytes; at most " + max + " are accepted")));
        });
    }
}
