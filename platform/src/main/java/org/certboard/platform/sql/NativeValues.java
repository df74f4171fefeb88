package org.certboard.platform.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;

/** Reads a column of a native query's {@code Object[]} row, whatever Java type the driver chose for it. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code timestamptz} column: Hibernate hands it over as Instant, OffsetDateTime or Timestamp. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
