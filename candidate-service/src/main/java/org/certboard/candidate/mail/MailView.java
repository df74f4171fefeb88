package org.certboard.candidate.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * One mail as staff see it: what was (or is to be) sent to whom, and what became of it. {@code problem} is the SMTP
 * server's refusal or the bounce report's reason.
 */
public record MailView(String messageId, UUID eventId, UUID candidateId, MailKind kind, String recipient,
        String subject, String textBody, MailStatus status, int attempts, Instant occurredAt, Instant createdAt,
        Instant sentAt, Instant problemAt, String problem) {
}
