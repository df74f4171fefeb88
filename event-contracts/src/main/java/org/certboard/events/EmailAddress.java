package org.certboard.events;

/**
 * The one rule for an e-mail address, used by the producers' request validation ({@code @Pattern}) and by the JSON
 * Schemas of the events that carry one ({@code pattern}), so that what the API accepts every consumer accepts. It is
 * deliberately lenient where real addresses are unusual (any top-level domain, including new and reserved ones such
 * as {@code .test}; apostrophes and plus signs; non-ASCII in both parts) and strict only where a mail system would
 * fail: exactly one {@code @}, no whitespace or delimiters, a dotted domain. Written in the common subset of Java and
 * ECMA-262 regular expressions, because both engines read it.
 */
public final class EmailAddress {
    public static final String PATTERN =
            "^[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@[^\\s@\"(),:;<>\\[\\]\\\\.]+(\\.[^\\s@\"(),:;<>\\[\\]\\\\.]+)+$";
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }
}
