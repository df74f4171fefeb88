package org.certboard.candidate.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Turns a unique-index violation into the conflict the caller names. Registration relies on it alone (no look-up
 * before the insert); a merge patch still looks first and this covers the race where two requests pass that look-up
 * at the same time and the index decides. Hibernate Reactive
 * reports the violation as a converted {@link SQLException}; the driver's own {@link PgException} is accepted too.
 */
public final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    public static <T> Uni<T> asConflict(Uni<T> write, String index, Supplier<? extends RuntimeException> conflict) {
        return write.onFailure(failure -> violates(failure, index)).transform(failure -> conflict.get());
    }

    /** Answers a violation of {@code index} with another attempt (e.g. taking over the row that holds the value). */
    public static <T> Uni<T> recover(Uni<T> write, String index, Supplier<Uni<T>> instead) {
        return write.onFailure(failure -> violates(failure, index)).recoverWithUni(failure -> instead.get());
    }

    private static boolean violates(Throwable failure, String index) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String state = cause instanceof SQLException sql ? sql.getSQLState()
                    : cause instanceof PgException pg ? pg.getSqlState() : null;
            if (UNIQUE_VIOLATION.equals(state) && cause.getMessage() != null
                    && cause.getMessage().contains("\"" + index + "\"")) {
                return true;
            }
        }
        return false;
    }
}
