package org.certboard.platform.inbox;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;

/** Tells a failure that waiting cures (database or network unreachable) from one that it does not. */
final class Failures {
    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException
                    || t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage()).contains("onnection")) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                // connection exceptions, insufficient resources, operator intervention, serialization/deadlock
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
