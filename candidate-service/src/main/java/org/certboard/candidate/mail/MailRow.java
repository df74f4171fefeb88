package org.certboard.candidate.mail;

import java.time.Instant;
import java.util.UUID;

/** A mail as the intake writes it (PENDING, or UNADDRESSED when there is no address to send to). */
record MailRow(String messageId, UUID eventId, UUID candidateId, String recipient, MailKind kind, String ref,
        String subject, String textBody, String htmlBody, MailStatus status, Instant occurredAt, Instant createdAt) {
}
