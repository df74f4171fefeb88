package org.certboard.platform.problem;

import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/** Paths that no resource serves answer with a problem document too, not the framework's default page. */
public class NotFoundRoute {

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> context.response()
                .setStatusCode(404)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(404, "Not Found", "no resource at " + context.normalizedPath()))));
    }
}
