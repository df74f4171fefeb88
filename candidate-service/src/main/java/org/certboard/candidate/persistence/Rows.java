package org.certboard.candidate.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

/** What the reactive SQL client lacks: a timestamptz as the {@link Instant} the entities hold, and back. */
public final class Rows {

    private Rows() {
    }

    /** Null for SQL null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** A timestamptz parameter: the client takes an {@link OffsetDateTime}, not an {@link Instant}; null for null. */
    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
