package org.certboard.candidate.mail;

import java.time.LocalDate;

/**
 * What one mail says, the model of its templates (templates/mail): the facts its event carries, named for
 * the reader. Fields a kind does not use are null.
 *
 * @param credential the name of the credential program the mail is about (Certified Case Manager (CCM)); null for
 *            mail about no program (a name change) or one the configuration no longer defines
 * @param ref what the mail is about (a booking, a certificate number, an application), for the log and for telling a
 *            move from a booking
 * @param outcome a decision or result in the board's words (APPROVED, DENIED, PASSED, ...)
 * @param when a date the reader needs (exam day, expiry, valid until)
 * @param moment a moment, already written in the board's time zone (a sitting's start)
 * @param days days before expiry, for a reminder; days of late renewal after expiry, for an expiry (0: the
 *            program has none; null: not said, as in events written before programs)
 * @param link where to read more: the verification page of a certificate, else the board's portal
 */
public record Letter(MailKind kind, String name, String boardName, String credential, String ref, String outcome,
        LocalDate when, String moment, String site, Integer days, String link) {

    /** The subject line, in the board's name. */
    public String subject() {
        String text = switch (kind) {
            case APPLICATION_RECEIVED -> "We have received your application";
            case APPLICATION_DECIDED -> "Your application has been decided";
            case NAME_CHANGE_DECIDED -> "Your name-change request has been decided";
            case BOOKING_CONFIRMED -> "Your exam booking is confirmed";
            case BOOKING_MOVED -> "Your exam booking has moved";
            case BOOKING_CANCELLED -> "Your exam booking is cancelled";
            case RESULT_RECORDED -> "Your exam result";
            case CERTIFICATION_ISSUED -> "You are certified: " + ref;
            case RENEWAL_REMINDER -> "Your certification " + ref + " expires in " + days + " days";
            case RENEWAL_ACCEPTED -> "Your certification " + ref + " is renewed";
            case RENEWAL_SAMPLED_FOR_AUDIT -> "Your renewal of " + ref + " was selected for a CE audit";
            case AUDIT_DECIDED -> "The CE audit of your renewal of " + ref + " is decided";
            case CERTIFICATION_EXPIRED -> "Your certification " + ref + " has expired";
            case CERTIFICATION_LAPSED -> "Your certification " + ref + " has lapsed";
        };
        return boardName + ": " + text;
    }
}
