package org.certboard.platform.inbox;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JacksonException;

import io.vertx.pgclient.PgException;

/**
 * Tells a failure that waiting cures (database or network unreachable, a lost lock race) from one that it does not
 * (a bug, or data that can never be read). The first decisive cause in the chain wins: a SQLSTATE, whether the
 * driver's {@link PgException} or the {@link SQLException} Hibernate Reactive converts it into, decides by its
 * class; a JSON parse error is permanent although Jackson's exceptions are {@link IOException}s.
 */
public final class Failures {
    private Failures() {
    }

    /** Retrying later can succeed: an outage, or a deadlock or serialization failure lost to another transaction. */
    public static boolean isTransient(Throwable failure) {
        return waitingCures(failure, state -> isOutageState(state) || state.startsWith("53") || state.startsWith("57")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03"));
    }

    /**
     * The database cannot be reached or refuses connections: a request should be answered 503 and tried again later,
     * unlike a lost race (409) or a bug (500).
     */
    public static boolean isOutage(Throwable failure) {
        return waitingCures(failure, Failures::isOutageState);
    }

    /** Walks the cause chain to the first decisive cause; a SQLSTATE is judged by {@code curableState}. */
    private static boolean waitingCures(Throwable failure, Predicate<String> curableState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException) {
                return false;
            }
            String state = sqlState(t);
            if (state != null) {
                return curableState.test(state);
            }
            if (isNetworkFailure(t)) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE a database refusal carries, from the driver's exception or Hibernate Reactive's conversion. */
    public static String sqlState(Throwable t) {
        if (t instanceof PgException pg && pg.getSqlState() != null) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState();
        }
        return null;
    }

    /**
     * Connection exceptions (08), the server shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown,
     * 57P03 cannot connect now) and too many connections (53300).
     */
    private static boolean isOutageState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300");
    }

    private static boolean isNetworkFailure(Throwable t) {
        if (t instanceof IOException || t instanceof TimeoutException) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        // the reactive client reports a closed connection or an exhausted pool with plain VertxExceptions, and its pool
        // closed at shutdown with a NoStackTraceThrowable: an event in hand then must not be dead-lettered, it stays
        // unacknowledged and the replica that takes the partition over applies it
        return (t instanceof io.vertx.core.VertxException || t instanceof io.vertx.core.impl.NoStackTraceThrowable)
                && (message.contains("onnection") || message.contains("Timeout") || message.contains("timed out")
                        || message.contains("Pool closed"));
    }
}
