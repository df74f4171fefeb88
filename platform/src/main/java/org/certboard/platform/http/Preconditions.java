package org.certboard.platform.http;

import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;

/**
 * Optimistic concurrency for commands that overwrite what a person decided or typed (a profile edit, a staff
 * decision, a sitting's capacity): the client sends back the {@code ETag} it read as {@code If-Match}, so two staff
 * members cannot silently overwrite each other. The tag is the row's version, strong, e.g. {@code "3"}.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** The strong entity tag of a resource at {@code version}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Lets the command proceed only when {@code ifMatch} names the current version.
     *
     * @throws ProblemException 428 {@code precondition-required} when the header is missing, 412
     *         {@code precondition-failed} (with {@code currentETag}) when it names another version
     */
    public static void requireIfMatch(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "Precondition required",
                    "send If-Match with the ETag of the resource as you read it, so a change made meanwhile by "
                            + "someone else is not overwritten"));
        }
        String current = etag(version);
        if (!matches(ifMatch, current)) {
            throw new ProblemException(Problem.of(412, "Precondition failed",
                    "the resource changed since you read it (now " + current + "): read it again, then decide")
                    .with("currentETag", current));
        }
    }

    /** RFC 9110 If-Match: a list of tags, or {@code *}; a weak tag never matches (strong comparison). */
    private static boolean matches(String ifMatch, String current) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
