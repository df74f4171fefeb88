package org.certboard.candidate.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.candidate.profile.CandidateRepository.Addressee;
import org.certboard.events.EventPayload;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.NameChangeDecided;
import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationLapsed;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.RenewalReminderDue;
import org.certboard.events.renewal.RenewalSampledForAudit;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.inbox.IncomingEvent;
import org.certboard.platform.program.Program;
import org.certboard.platform.program.Programs;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Turns the events of the three topics into mail: in the consumer's transaction
 * ({@link org.certboard.candidate.listener.BoardEventsListener}), one {@code mail} row per (event, recipient),
 * rendered and PENDING; {@link MailSender} sends it later. It is not part of the timeline's replay, so a projection
 * replay sends nothing.
 * <p>
 * Idempotent by the mail's Message-ID, which is derived from the event id and the recipient: a redelivered or
 * re-published event finds its row and writes nothing; an event re-published after a dead letter that had no mail yet
 * is mailed then. Events older than {@code certboard.mail.max-age} mail no one.
 */
@ApplicationScoped
public class MailIntake {
    private static final Logger LOG = Logger.getLogger(MailIntake.class);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm z",
            Locale.ENGLISH);

    private final MailRepository mails;
    private final CandidateRepository candidates;
    private final MailConfig config;
    private final BoardTime time;
    private final Programs programs;

    public MailIntake(MailRepository mails, CandidateRepository candidates, MailConfig config, BoardTime time,
            Programs programs) {
        this.mails = mails;
        this.candidates = candidates;
        this.config = config;
        this.time = time;
        this.programs = programs;
    }

    /**
     * The mail of these events, in the caller's transaction: nothing for events that mail no one (a registration, a
     * CE credit), which are most.
     */
    public Uni<Void> write(List<IncomingEvent> events) {
        List<Lettered> lettered = new ArrayList<>();
        Instant oldest = time.now().minus(config.maxAge());
        for (IncomingEvent event : events) {
            Draft draft = event.time().isBefore(oldest) ? null : letterOf(event.data());
            if (draft != null) {
                lettered.add(new Lettered(event, draft));
            }
        }
        return writeLetters(lettered);
    }

    /**
     * A poll's mail as sets: one select of the candidates its events name, one of the bookings already mailed, one
     * insert of every mail. The events are taken in the poll's order, so a booking's second ExamBooked in the same
     * poll is a move, as it would be one poll later.
     */
    private Uni<Void> writeLetters(List<Lettered> lettered) {
        if (lettered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<MailRepository.Booking> bookings = lettered.stream()
                .filter(one -> one.draft().kind() == MailKind.BOOKING_CONFIRMED)
                .map(one -> new MailRepository.Booking(one.event().data().candidateId(), one.draft().ref()))
                .toList();
        return candidates.addressees(lettered.stream().map(one -> one.event().data().candidateId()).distinct().toList())
                .chain(found -> mails.bookingsMailed(bookings).chain(mailed -> {
                    Map<UUID, Addressee> byId = found.stream()
                            .collect(Collectors.toMap(Addressee::id, candidate -> candidate));
                    Set<MailRepository.Booking> booked = new HashSet<>(mailed);
                    List<MailRow> rows = new ArrayList<>();
                    for (Lettered one : lettered) {
                        UUID candidateId = one.event().data().candidateId();
                        Addressee candidate = byId.get(candidateId);
                        if (candidate == null) {
                            LOG.warnf("mail: %s names candidate %s, unknown here; no mail",
                                    one.event().type().type(), candidateId);
                            continue;
                        }
                        Draft draft = one.draft().kind() == MailKind.BOOKING_CONFIRMED
                                && !booked.add(new MailRepository.Booking(candidateId, one.draft().ref()))
                                ? one.draft().moved() : one.draft();
                        rows.add(row(one.event(), candidate, draft));
                    }
                    return mails.insertAll(rows);
                }));
    }

    /**
     * The mail an event calls for, as a letter without its reader's name; null when it calls for none. Mail about an
     * application, an exam or a certification names the program's credential: a person may hold more than one. Every
     * ExamBooked is a confirmation here; {@link #writeLetters} makes it a move when its booking was mailed before.
     */
    private Draft letterOf(EventPayload data) {
        String portal = config.portalUrl();
        Draft draft = null;
        if (data instanceof EligibilityDecided e) {
            draft = "UNDER_REVIEW".equals(e.status())
                    ? new Draft(MailKind.APPLICATION_RECEIVED, e.program(), e.applicationId().toString(), null,
                            null, null, null, null, portal)
                    : new Draft(MailKind.APPLICATION_DECIDED, e.program(), e.applicationId().toString(), e.status(),
                            "APPROVED".equals(e.status()) ? e.authorisedUntil() : null, null, null, null, portal);
        } else if (data instanceof NameChangeDecided e && !e.correction()) {
            draft = new Draft(MailKind.NAME_CHANGE_DECIDED, null, e.requestId().toString(),
                    e.accepted() ? "ACCEPTED" : "REJECTED", null, null, null, null, portal);
        } else if (data instanceof ExamBooked e) {
            draft = new Draft(MailKind.BOOKING_CONFIRMED, e.program(), e.bookingId().toString(), null, null,
                    MOMENT.format(e.startsAt().atZone(time.zone())), e.site(), null, portal);
        } else if (data instanceof BookingCancelled e) {
            draft = new Draft(MailKind.BOOKING_CANCELLED, e.program(), e.bookingId().toString(), null, null, null,
                    null, null, portal);
        } else if (data instanceof ExamPassed e) {
            draft = new Draft(MailKind.RESULT_RECORDED, e.program(), e.bookingId().toString(), "PASSED",
                    e.examDate(), null, null, null, portal);
        } else if (data instanceof ExamFailed e) {
            draft = new Draft(MailKind.RESULT_RECORDED, e.program(), e.bookingId().toString(),
                    e.noShow() ? "NO-SHOW" : "FAILED", e.examDate(), null, null, null, portal);
        } else if (data instanceof CertificationIssued e) {
            draft = new Draft(MailKind.CERTIFICATION_ISSUED, e.program(), e.number(), null, e.expiresOn(), null,
                    null, null, config.verificationUrl() + e.number());
        } else if (data instanceof RenewalReminderDue e) {
            draft = new Draft(MailKind.RENEWAL_REMINDER, e.program(), e.number(), null, e.expiresOn(), null, null,
                    e.daysBefore(), portal);
        } else if (data instanceof CertificationRenewed e) {
            draft = new Draft(MailKind.RENEWAL_ACCEPTED, e.program(), e.number(), null, e.expiresOn(), null, null,
                    null, config.verificationUrl() + e.number());
        } else if (data instanceof RenewalSampledForAudit e) {
            draft = new Draft(MailKind.RENEWAL_SAMPLED_FOR_AUDIT, e.program(), e.number(), null, null, null, null,
                    null, portal);
        } else if (data instanceof AuditDecided e) {
            draft = new Draft(MailKind.AUDIT_DECIDED, e.program(), e.number(),
                    e.accepted() ? "ACCEPTED" : "REJECTED", null, null, null, null, portal);
        } else if (data instanceof CertificationExpired e) {
            // events from before lapsesOn existed: every certification then had a late renewal (null: say so)
            Integer lateDays = e.lapsesOn() == null ? null
                    : (int) ChronoUnit.DAYS.between(e.expiredOn(), e.lapsesOn());
            draft = new Draft(MailKind.CERTIFICATION_EXPIRED, e.program(), e.number(), null, e.expiredOn(), null,
                    null, lateDays, portal);
        } else if (data instanceof CertificationLapsed e) {
            draft = new Draft(MailKind.CERTIFICATION_LAPSED, e.program(), e.number(), null, e.lapsedOn(), null,
                    null, null, portal);
        }
        return draft;
    }

    /**
     * Sends to the profile's address when the board vouches for it: verified for the person's account, or given by
     * staff for a paper applicant. An address someone typed before verification (issue 21) is not written to: the
     * mail is recorded UNADDRESSED so that staff see it.
     */
    private MailRow row(IncomingEvent event, Addressee candidate, Draft draft) {
        boolean vouched = candidate.emailVerified() || candidate.subject() == null;
        String recipient = vouched ? candidate.email() : null;
        Letter letter = new Letter(draft.kind(), candidate.givenName() + " " + candidate.familyName(),
                config.boardName(), programs.find(draft.program()).map(Program::name).orElse(null), draft.ref(),
                draft.outcome(), draft.when(), draft.moment(), draft.site(), draft.days(), draft.link());
        return new MailRow(messageId(event.id(), recipient, config.messageIdDomain()), event.id(), candidate.id(),
                recipient, draft.kind(), draft.ref(), letter.subject(), MailTemplates.letterText(letter).render(),
                MailTemplates.letterHtml(letter).render(), vouched ? MailStatus.PENDING : MailStatus.UNADDRESSED,
                event.time(), time.now());
    }

    /** {@code <event id.recipient hash@domain>}: the same for the same event and address, whoever computes it. */
    static String messageId(UUID eventId, String recipient, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((recipient == null ? ""
                    : recipient.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return "<" + eventId + "." + HexFormat.of().formatHex(hash, 0, 8) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A letter before its reader is known. */
    private record Draft(MailKind kind, String program, String ref, String outcome, LocalDate when, String moment,
            String site, Integer days, String link) {

        /** The same letter about a booking mailed before: it moved. */
        Draft moved() {
            return new Draft(MailKind.BOOKING_MOVED, program, ref, outcome, when, moment, site, days, link);
        }
    }

    /** An event with the letter it calls for. */
    private record Lettered(IncomingEvent event, Draft draft) {
    }
}
