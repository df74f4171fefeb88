package org.certboard.platform.clock;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a duration as JSON Schema's {@code duration} format (RFC 3339, appendix A) declares it: whole seconds, days
 * of 24 hours, and no unit skipped inside the time part ({@code PT1H0M5S}, never Java's {@code PT1H5.25S}). The
 * fraction of a second is dropped; Java's {@link Duration#parse} reads the result back.
 */
public final class SchemaDuration extends StdSerializer<Duration> {

    public SchemaDuration() {
        super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(format(value));
    }

    /** The format has no sign: the board clock's offset only grows from zero. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a negative duration has no JSON Schema form: " + duration);
        }
        long seconds = duration.getSeconds();
        long[] time = { seconds / 3600 % 24, seconds / 60 % 60, seconds % 60 };
        String[] units = { "H", "M", "S" };
        long days = seconds / 86_400;
        StringBuilder text = new StringBuilder("P");
        if (days > 0) {
            text.append(days).append('D');
        }
        int first = 0;
        while (first < 3 && time[first] == 0) {
            first++;
        }
        int last = 2;
        while (last >= first && time[last] == 0) {
            last--;
        }
        if (first <= last) {
            text.append('T');
            for (int i = first; i <= last; i++) {
                text.append(time[i]).append(units[i]);
            }
        } else if (days == 0) {
            text.append("T0S");
        }
        return text.toString();
    }
}
