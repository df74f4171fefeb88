package org.certboard.candidate.webhook;

import java.time.Instant;

/**
 * One try: {@code outcome} DELIVERED (2xx), REJECTED (another status, 3xx included: redirects are not followed),
 * TIMED_OUT, UNREACHABLE (no connection) or REFUSED (the address guard said no, nothing was sent); the status code and
 * the start of the answer when there was one.
 */
public record Attempt(Instant attemptedAt, String outcome, Integer statusCode, long latencyMs, String excerpt) {
}
