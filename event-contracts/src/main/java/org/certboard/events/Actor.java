package org.certboard.events;

/**
 * Who made a staff or vendor decision: the subject of their token at the board's identity provider and the role
 * they acted in ({@code staff} or {@code vendor}). Never a name or an email: events are kept for years.
 */
public record Actor(String subject, String role) {
}
