package org.certboard.devstack;

import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import org.certboard.devstack.scenario.TokenSource;

/**
 * What the training of an AOT cache ({@link AotTraining}, {@link ImageTraining}) needs of a running stack: how the
 * stack starts each service (its configuration and ports), a staff token for the read a pod is asked once started,
 * where the training logs go and who hears of the progress.
 */
public record TrainingStack(Path repoRoot, Function<Service, Map<String, String>> config,
        Map<Service, Integer> ports, Map<Service, Integer> managementPorts, TokenSource tokens, Path logs,
        Consumer<String> progress) {

    /** One training per service, all at once: each spends most of its time waiting for its JVM. */
    <T> Map<Service, T> eachAtOnce(Collection<Service> services, Function<Service, T> train) {
        Map<Service, CompletableFuture<T>> running = new EnumMap<>(Service.class);
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            for (Service service : services) {
                running.put(service, CompletableFuture.supplyAsync(() -> train.apply(service), pool));
            }
            Map<Service, T> done = new EnumMap<>(Service.class);
            running.forEach((service, run) -> done.put(service, run.join()));
            return done;
        } finally {
            pool.shutdownNow();
        }
    }
}
