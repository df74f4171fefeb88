package org.certboard.platform.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads a column of a native query's {@code Object[]} row, whatever Java type the driver chose for it. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code uuid} column. */
    public static UUID uuid(Object value) {
        return (UUID) value;
    }

    /** A {@code text} or {@code varchar} column. */
    public static String text(Object value) {
        return (String) value;
    }

    /** A {@code count(*)}: a bigint, which a driver may hand over as Long, Integer or BigInteger. */
    public static long count(Object value) {
        return ((Number) value).longValue();
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
