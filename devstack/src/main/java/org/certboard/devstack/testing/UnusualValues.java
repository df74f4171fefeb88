package org.certboard.devstack.testing;

import java.time.LocalDate;
import java.util.List;

/**
 * Valid but unusual values, the same for the producer's API tests and every consumer's tests, so that what the API
 * accepts is proven to be what each consumer accepts: rare and new top-level domains (including the reserved
 * {@code .test}), apostrophes and plus signs, non-ASCII, names and local parts at their longest, and dates and
 * numbers at the edges of their ranges.
 */
public final class UnusualValues {

    /** A person as the API accepts one (names at most 100 characters, address by {@code EmailAddress.PATTERN}). */
    public record Person(String givenName, String familyName, String email) {
    }

    /** Unique per run: each address gets {@code tag} inserted, since candidate-service refuses a taken address. */
    public static List<Person> people(String tag) {
        return List.of(
                new Person("Jane", "Doe", "jane." + tag + "@clinic.test"),
                new Person("Siobhán", "O'Brien-Nakamura", "o'brien+ccm." + tag + "@example.org"),
                new Person("Zoë", "Ångström", "zoë." + tag + "@bücher.example"),
                new Person("李", "Nguyễn", "li." + tag + "@mail.photography"),
                new Person("D'Arcy", "Smith-Jones", tag + "@xn--fiqs8s.xn--55qx5d"),
                new Person("A".repeat(100), "Ó".repeat(100), ("l" + tag).repeat(64).substring(0, 64) + "@example.museum"));
    }

    /** The top of the default score scale (200–800). */
    public static final int HIGHEST_SCORE = 800;
    /** The bottom of the default score scale. */
    public static final int LOWEST_SCORE = 200;
    /** The last date a four-digit ISO year can carry (RFC 3339 full-date, the schemas' {@code format: date}). */
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private UnusualValues() {
    }
}
