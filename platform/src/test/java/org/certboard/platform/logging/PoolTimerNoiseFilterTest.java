package org.certboard.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class PoolTimerNoiseFilterTest {

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Unhandled exception");
        record.setThrown(thrown);
        return record;
    }

    private static IllegalStateException thrownBy(String className, String message) {
        IllegalStateException e = new IllegalStateException(message);
        e.setStackTrace(new StackTraceElement[] { new StackTraceElement("io.vertx.core.Promise", "fail", null, 90),
                new StackTraceElement(className, "lambda$execute$3", null, 216) });
        return e;
    }

    @Test
    void dropsOnlyThePoolsTimerError() {
        PoolTimerNoiseFilter filter = new PoolTimerNoiseFilter();
        assertThat(filter.isLoggable(record(thrownBy("io.vertx.sqlclient.impl.pool.SqlConnectionPool",
                "Result is already complete")))).isFalse();
        assertThat(filter.isLoggable(record(thrownBy("org.certboard.Elsewhere", "Result is already complete"))))
                .isTrue();
        assertThat(filter.isLoggable(record(thrownBy("io.vertx.sqlclient.impl.pool.SqlConnectionPool",
                "something else")))).isTrue();
        assertThat(filter.isLoggable(record(null))).isTrue();
    }
}
