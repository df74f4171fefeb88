package org.certboard.exam.result;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/**
 * The rows of a result import, read from CSV or a JSON array, and the checks a row passes on its own (before the
 * database is asked). Line numbers are what a person fixing the file needs: for CSV the file line (the header is
 * line 1), for JSON the 1-based position in the array.
 */
public final class ImportRows {
    public static final String CSV_HEADER = "bookingId,scaledScore";

    /** One row as written in the file; the values are still text, {@code malformed} says why it has no values. */
    public record Row(int line, String bookingId, String scaledScore, String malformed) {
        public Row(int line, String bookingId, String scaledScore) {
            this(line, bookingId, scaledScore, null);
        }
    }

    public sealed interface Checked permits Valid, Rejected {
    }

    /** A row whose values parsed and whose score lies on the scale. */
    public record Valid(int line, UUID bookingId, int scaledScore) implements Checked {
    }

    @Schema(name = "ResultImportRejection",
            description = "A row the import refused: its line (1 = the first data row) and why")
    public record Rejected(int line, String problem) implements Checked {
    }

    private ImportRows() {
    }

    /** @throws IllegalArgumentException when the header is not exactly {@value #CSV_HEADER} */
    public static List<Row> fromCsv(String body) {
        String[] lines = (body == null ? "" : body).split("\r?\n", -1);
        String header = lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[0];
        if (!CSV_HEADER.equals(header.strip())) {
            throw new IllegalArgumentException("the first line must be exactly '" + CSV_HEADER + "'");
        }
        List<Row> rows = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            rows.add(fields.length == 2 ? new Row(i + 1, fields[0].strip(), fields[1].strip())
                    : new Row(i + 1, null, null, "expected 2 fields: " + CSV_HEADER));
        }
        return rows;
    }

    public static Checked check(Row row, ScoreScale scale) {
        if (row.malformed() != null) {
            return new Rejected(row.line(), row.malformed());
        }
        UUID bookingId;
        try {
            bookingId = UUID.fromString(row.bookingId() == null ? "" : row.bookingId());
        } catch (IllegalArgumentException e) {
            return new Rejected(row.line(), "bookingId: " + (row.bookingId() == null ? "missing" : "not a UUID"));
        }
        int score;
        try {
            score = Integer.parseInt(row.scaledScore() == null ? "" : row.scaledScore());
        } catch (NumberFormatException e) {
            return new Rejected(row.line(), "scaledScore: " + (row.scaledScore() == null ? "missing" : "not a whole number"));
        }
        if (!scale.contains(score)) {
            return new Rejected(row.line(), "scaledScore: " + scale.describe());
        }
        return new Valid(row.line(), bookingId, score);
    }
}
