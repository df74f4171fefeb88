package org.certboard.platform.problem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests refused because the database is down. An outage is an expected condition, not a bug: it is counted
 * ({@code certboard.http.database.unavailable}) and logged as one WARN line per interval with the number of requests
 * refused since the last line, instead of an ERROR with a stack trace per request.
 */
@ApplicationScoped
public class DatabaseOutageLog {
    private static final Logger LOG = Logger.getLogger(DatabaseOutageLog.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final Counter refused;
    private final AtomicLong sinceLastLine = new AtomicLong();
    private final AtomicLong lastLineNanos = new AtomicLong(System.nanoTime() - LOG_EVERY.toNanos());

    public DatabaseOutageLog(MeterRegistry registry) {
        this.refused = Counter.builder("certboard.http.database.unavailable")
                .description("Requests answered 503 because the database could not be reached").register(registry);
    }

    void record(Throwable failure) {
        refused.increment();
        sinceLastLine.incrementAndGet();
        long last = lastLineNanos.get();
        long now = System.nanoTime();
        if (now - last >= LOG_EVERY.toNanos() && lastLineNanos.compareAndSet(last, now)) {
            long count = sinceLastLine.getAndSet(0);
            LOG.warnf("database unavailable: %d request(s) answered 503 since the last report (%s)", count,
                    rootMessage(failure));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
