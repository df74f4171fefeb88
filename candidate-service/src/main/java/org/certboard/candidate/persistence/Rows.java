package org.certboard.candidate.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/** Column reads the reactive SQL client lacks: a timestamptz as the {@link Instant} the entities hold. */
public final class Rows {

    private Rows() {
    }

    /** Null for SQL null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
