package org.certboard.platform.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.LoggingFilter;

/**
 * Drops the one ERROR the reactive PostgreSQL pool logs per failed connection attempt while the database is down:
 * {@code IllegalStateException: Result is already complete} from {@code SqlConnectionPool}, a timer the pool forgets
 * to cancel when acquiring a connection fails (eclipse-vertx/vertx-sql-client#1706). The caller has already been
 * given the real connection error, which the services answer with 503 and count; this stack trace per request adds
 * nothing. Dropped records are counted in {@code certboard.log.pool.timer.noise}. Any other record passes.
 */
@LoggingFilter(name = "certboard-known-noise")
public final class PoolTimerNoiseFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!isPoolTimerNoise(record.getThrown())) {
            return true;
        }
        Metrics.counter("certboard.log.pool.timer.noise").increment();
        return false;
    }

    static boolean isPoolTimerNoise(Throwable thrown) {
        if (!(thrown instanceof IllegalStateException) || !"Result is already complete".equals(thrown.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }
}
