package org.certboard.renewal.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Test helper: starts several clock-job runs at the same moment, each on its own context, like separate replicas. */
@ApplicationScoped
public class ClockJobRunner {
    private final ClockJob job;
    private final Vertx vertx;

    public ClockJobRunner(ClockJob job, Vertx vertx) {
        this.job = job;
        this.vertx = vertx;
    }

    public void runConcurrently(int runs) throws Exception {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> job.runOnce().subscribe().with(finished::complete,
                    finished::completeExceptionally));
            done.add(finished);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
}
