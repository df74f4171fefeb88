package org.certboard.events;

/**
 * The one rule for a CE category's code (ethics, case-management, ...): a program's configuration names the
 * categories it requires minimum hours in, a CE credit names the categories it counts toward. Lower-case letters,
 * digits and hyphens, so a code reads the same in configuration keys, JSON and URLs.
 */
public final class CeCategory {
    public static final String PATTERN = "^[a-z][a-z0-9-]{0,39}$";
    public static final String RULE = "must be 1 to 40 lower-case letters, digits or '-', starting with a letter";
    /** The category the single-program era's {@code ethics} flag stood for. */
    public static final String ETHICS = "ethics";

    private CeCategory() {
    }
}
