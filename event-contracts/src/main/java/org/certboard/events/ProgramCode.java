package org.certboard.events;

/**
 * The one rule for a credential program's code (CCM, ACM, ...), applied by the board profile's start-up check, the
 * services' request validation and the JSON Schemas, so a code the API accepts matches the same way in every event.
 * Written in the common subset of Java and ECMA-262 regular expressions.
 */
public final class ProgramCode {
    public static final String PATTERN = "^[A-Z][A-Z0-9]{0,9}$";
    public static final String RULE = "must be 1 to 10 capital letters or digits, starting with a letter";
    /**
     * The program of every event written before events carried one: certboard ran the CCM program alone until then,
     * so an event without {@code program} is about CCM.
     */
    public static final String LEGACY = "CCM";

    private ProgramCode() {
    }

    /** The program an event names, or {@link #LEGACY} for an event written before the field existed. */
    public static String orLegacy(String program) {
        return program == null ? LEGACY : program;
    }
}
