package org.certboard.platform.sql;

import static org.certboard.platform.sql.NativeValues.count;
import static org.certboard.platform.sql.NativeValues.instant;
import static org.certboard.platform.sql.NativeValues.text;
import static org.certboard.platform.sql.NativeValues.uuid;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The shape both operator lists of held-back records share (the outbox's parked records, the inbox's dead letters):
 * a native select of id, topic, key, type, held since, reason and how many records of the key wait behind it, in
 * that order, read into the list's own record through its canonical constructor.
 */
@FunctionalInterface
public interface HeldRow<R> {

    R of(UUID id, String topic, String key, String type, Instant heldSince, String reason, long waitingBehind);

    /** Reads a row of the seven columns, e.g. {@code HeldRow.reader(DeadLetter::new)}. */
    static <R> Function<Object[], R> reader(HeldRow<R> constructor) {
        return row -> constructor.of(uuid(row[0]), text(row[1]), text(row[2]), text(row[3]), instant(row[4]),
                text(row[5]), count(row[6]));
    }
}
