package org.certboard.exam.result;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certboard.exam.scoring.ScoreScale;
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

    /** A row whose values parsed (its score may yet lie off its program's scale, see {@link #onScale}). */
    public record Valid(int line, UUID bookingId, int scaledScore) implements Checked {
    }

    /** {@code disputed}: the file gives the row's booking another score on another line, so neither counts. */
    @Schema(name = "ResultImportRejection", description = "A row the import refused: its line (1 = the first data row),"
            + " why, and whether the file disputes itself (the same booking with another score on another line)")
    public record Rejected(int line, String problem, boolean disputed) implements Checked {
        public Rejected(int line, String problem) {
            this(line, problem, false);
        }
    }

    private ImportRows() {
    }

    /**
     * Reads RFC 4180 CSV as other systems write it: an optional byte-order mark, CRLF, LF or CR line ends, quoted
     * fields (with {@code ""} for a quote, and commas or line breaks inside), blank lines (a trailing one above all)
     * skipped, and a semicolon instead of the comma when the header uses it (spreadsheets in many locales). The
     * header names the two columns in any order, in any case, with spaces, hyphens or underscores between the words
     * ({@code Booking ID}, {@code booking_id}, {@code "scaledScore"}); further columns (a candidate name, a form
     * code) are ignored. A record's line is the file line it starts on.
     *
     * @throws IllegalArgumentException when the header does not name both columns
     */
    public static List<Row> fromCsv(String body) {
        String text = body == null ? "" : body;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = Csv.records(text, delimiter(text));
        Record header = records.stream().filter(r -> !r.blank()).findFirst().orElse(null);
        int bookingColumn = header == null ? -1 : column(header, "bookingid");
        int scoreColumn = header == null ? -1 : column(header, "scaledscore");
        if (bookingColumn < 0 || scoreColumn < 0 || header.malformed() != null) {
            throw new IllegalArgumentException("the first line must name the columns " + CSV_HEADER);
        }
        int width = Math.max(bookingColumn, scoreColumn) + 1;
        List<Row> rows = new ArrayList<>(records.size());
        for (Record record : records.subList(records.indexOf(header) + 1, records.size())) {
            if (record.blank()) {
                continue;
            }
            if (record.malformed() != null) {
                rows.add(new Row(record.line(), null, null, record.malformed()));
            } else if (record.fields().size() < width) {
                rows.add(new Row(record.line(), null, null, "expected the fields " + CSV_HEADER + ", found "
                        + record.fields().size() + " field" + (record.fields().size() == 1 ? "" : "s")));
            } else {
                rows.add(new Row(record.line(), record.fields().get(bookingColumn).strip(),
                        record.fields().get(scoreColumn).strip()));
            }
        }
        return rows;
    }

    /** The header line decides: a semicolon-separated header without commas means semicolons throughout. */
    private static char delimiter(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String header = text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    private static int column(Record header, String wanted) {
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
            if (name.equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** One CSV record: its fields, the file line it starts on, and why it cannot be read (else null). */
    record Record(int line, List<String> fields, String malformed) {
        boolean blank() {
            // spreadsheets end files with lines of bare separators
            return malformed == null && fields.stream().allMatch(String::isBlank);
        }
    }

    /** The RFC 4180 grammar, leniently: whitespace around a quoted field is tolerated, line ends may be bare. */
    static final class Csv {
        private Csv() {
        }

        static List<Record> records(String text, char delimiter) {
            List<Record> records = new ArrayList<>();
            int i = 0;
            int line = 1;
            int n = text.length();
            while (i < n) {
                int startLine = line;
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                String malformed = null;
                boolean quoted = false;
                boolean afterQuote = false;
                boolean endOfRecord = false;
                while (i < n && !endOfRecord) {
                    char c = text.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        if (c == '"') {
                            quoted = false;
                            afterQuote = true;
                        } else {
                            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                                line++;
                            }
                            field.append(c);
                        }
                        i++;
                    } else if (c == delimiter) {
                        fields.add(field.toString());
                        field.setLength(0);
                        afterQuote = false;
                        i++;
                    } else if (c == '\r' || c == '\n') {
                        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                        line++;
                        endOfRecord = true;
                    } else if (c == '"' && field.toString().isBlank() && !afterQuote) {
                        field.setLength(0);
                        quoted = true;
                        i++;
                    } else {
                        if (afterQuote && !Character.isWhitespace(c) && malformed == null) {
                            malformed = "text after a closing quote";
                        }
                        if (!afterQuote) {
                            field.append(c);
                        }
                        i++;
                    }
                }
                if (quoted) {
                    malformed = "a quoted field is not closed";
                }
                fields.add(field.toString());
                records.add(new Record(startLine, List.copyOf(fields), malformed));
            }
            return records;
        }
    }

    /**
     * The checks a row passes on its own: a UUID and a whole number. Whether the score lies on the scale depends on
     * the booking's program, so {@link #onScale} is asked once the booking is known.
     */
    public static Checked check(Row row) {
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
            // some systems write every number with decimals ("640.00"); a fraction is still not a score
            score = new java.math.BigDecimal(row.scaledScore() == null ? "" : row.scaledScore()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return new Rejected(row.line(), "scaledScore: " + (row.scaledScore() == null ? "missing" : "not a whole number"));
        }
        return new Valid(row.line(), bookingId, score);
    }

    /** Null when the row's score lies on {@code scale} (its booking's program's), else the row's rejection. */
    public static Rejected onScale(Valid row, ScoreScale scale) {
        return scale.contains(row.scaledScore()) ? null
                : new Rejected(row.line(), "scaledScore: " + scale.describe());
    }
}
