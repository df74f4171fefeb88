package org.certboard.candidate.mail;

/** What a mail tells its reader; each is written from one event type (docs/integrations.md, "Mail"). */
public enum MailKind {
    APPLICATION_RECEIVED,
    APPLICATION_DECIDED,
    NAME_CHANGE_DECIDED,
    BOOKING_CONFIRMED,
    BOOKING_MOVED,
    BOOKING_CANCELLED,
    RESULT_RECORDED,
    CERTIFICATION_ISSUED,
    RENEWAL_REMINDER,
    RENEWAL_ACCEPTED,
    RENEWAL_SAMPLED_FOR_AUDIT,
    AUDIT_DECIDED,
    CERTIFICATION_EXPIRED,
    CERTIFICATION_LAPSED
}
