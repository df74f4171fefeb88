package org.certboard.candidate.mail;

/** Where a mail stands; see the mail table's migration (V8). */
public enum MailStatus {
    PENDING,
    SENT,
    REFUSED,
    BOUNCED,
    UNADDRESSED
}
