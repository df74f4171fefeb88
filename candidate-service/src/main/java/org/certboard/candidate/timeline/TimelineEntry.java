package org.certboard.candidate.timeline;

import java.time.Instant;
import java.util.Map;

import org.certboard.events.Actor;

/**
 * One step of a person's path. {@code at} is when it happened in the board's business (a date-only step, such as an
 * expiry, at the start of that day, UTC); {@code actor} is who decided, for staff and vendor decisions, else null.
 */
public record TimelineEntry(Instant at, Step step, String service, Actor actor, Map<String, Object> detail) {
}
