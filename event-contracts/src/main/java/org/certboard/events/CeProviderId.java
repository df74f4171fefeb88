package org.certboard.events;

/**
 * The one rule for a CE provider's identifier (the board's code for a provider of continuing education), used by
 * renewal-service's request validation, by candidate-service's CE-provider webhook subscriptions and by the JSON
 * Schema of CeCreditLogged, so that an identifier the API accepts matches the same way everywhere. Letters, digits,
 * dot, hyphen and underscore, starting with a letter or digit: it travels in events and is compared exactly (case
 * included), so nothing in it may need escaping or normalising. Written in the common subset of Java and ECMA-262
 * regular expressions.
 */
public final class CeProviderId {
    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}$";
    /** What a refusal says, the same in both services. */
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " letters, digits, '.', '-' or '_', starting"
            + " with a letter or digit";

    private CeProviderId() {
    }
}
