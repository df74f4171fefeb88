package org.certboard.candidate.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.Actor;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.EvidenceAdded;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationLapsed;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.CertificationRetired;
import org.certboard.events.renewal.RenewalReminderDue;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Builds each person's timeline from the events of all three topics, this service's own included (so its steps are
 * told exactly as integrators see them), never by calling the other services.
 * <p>
 * Each step is stored at its business time: the instant the event names (registeredAt, decidedAt, cancelledAt...),
 * the start of the day (UTC) for a date-only step (a reminder's due day, an expiry, the exam day), and the event's
 * {@code ce_time} (when the change happened, on the board clock) for steps whose payload names no time (a booking, a
 * result, an issue, a renewal). Arrival order therefore does not matter, which a replay relies on.
 * Idempotent twice over: the consumer records the event id, and a step is keyed by (event id, step).
 */
@ApplicationScoped
public class TimelineProjection {
    private final EventConsumer consumer;
    private final TimelineRepository steps;
    private final ObjectMapper json;

    public TimelineProjection(EventConsumer consumer, TimelineRepository steps, ObjectMapper json) {
        this.consumer = consumer;
        this.steps = steps;
        this.json = json;
    }

    @Incoming("timeline-events")
    @ActivateRequestContext
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, this::apply);
    }

    /** Runs inside the consumer's transaction. */
    Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case CANDIDATE_REGISTERED -> {
                CandidateRegistered e = event.data(CandidateRegistered.class);
                yield step(event, Step.REGISTERED, e.registeredAt(), null, null, detail());
            }
            case CANDIDATE_REGISTERED_V1 -> step(event, Step.REGISTERED,
                    event.data(CandidateRegisteredV1.class).registeredAt(), null, null, detail());
            case CANDIDATE_UPDATED -> step(event, Step.NAME_CHANGED, event.data(CandidateUpdated.class).updatedAt(),
                    null, null, detail());
            case CANDIDATE_UPDATED_V1 -> step(event, Step.NAME_CHANGED,
                    event.data(CandidateUpdatedV1.class).updatedAt(), null, null, detail());
            case LICENCE_RECORDED -> {
                LicenceRecorded e = event.data(LicenceRecorded.class);
                yield step(event, Step.EVIDENCE_ADDED, event.time(), e.licenceId().toString(), null,
                        detail("kind", "LICENCE"));
            }
            case EVIDENCE_ADDED -> {
                EvidenceAdded e = event.data(EvidenceAdded.class);
                yield step(event, Step.EVIDENCE_ADDED, e.addedAt(), e.evidenceId().toString(), null,
                        detail("kind", e.kind()));
            }
            case ELIGIBILITY_DECIDED -> {
                EligibilityDecided e = event.data(EligibilityDecided.class);
                yield step(event, Step.DECIDED, e.decidedAt(), e.applicationId().toString(), e.actor(),
                        detail("applicationId", e.applicationId(), "status", e.status(), "pathway", e.pathway(),
                                "authorisedUntil", e.authorisedUntil()));
            }
            case EXAM_BOOKED -> booked(event, event.data(ExamBooked.class));
            case BOOKING_CANCELLED -> {
                BookingCancelled e = event.data(BookingCancelled.class);
                yield step(event, Step.CANCELLED, e.cancelledAt(), e.bookingId().toString(), null,
                        detail("bookingId", e.bookingId(), "sittingId", e.sittingId()));
            }
            case EXAM_PASSED -> {
                ExamPassed e = event.data(ExamPassed.class);
                yield result(event, e.bookingId(), e.examDate(), false, e.actor(),
                        detail("bookingId", e.bookingId(), "passed", true, "scaledScore", e.scaledScore(),
                                "noShow", false));
            }
            case EXAM_FAILED -> {
                ExamFailed e = event.data(ExamFailed.class);
                yield result(event, e.bookingId(), e.examDate(), e.noShow(), e.actor(),
                        detail("bookingId", e.bookingId(), "passed", false, "scaledScore", e.scaledScore(),
                                "noShow", e.noShow()));
            }
            case CERTIFICATION_ISSUED -> {
                CertificationIssued e = event.data(CertificationIssued.class);
                yield step(event, Step.CERTIFIED, event.time(), e.number(), null, detail("number", e.number(),
                        "firstCertifiedOn", e.firstCertifiedOn(), "expiresOn", e.expiresOn()));
            }
            case RENEWAL_REMINDER_DUE -> {
                RenewalReminderDue e = event.data(RenewalReminderDue.class);
                yield step(event, Step.REMINDER, startOf(e.dueOn()), e.number(), null, detail("number", e.number(),
                        "daysBefore", e.daysBefore(), "expiresOn", e.expiresOn()));
            }
            case CE_CREDIT_LOGGED -> {
                CeCreditLogged e = event.data(CeCreditLogged.class);
                yield step(event, Step.CE_LOGGED, event.time(), e.number(), null, detail("number", e.number(),
                        "hours", e.hours(), "ethics", e.ethics(), "completedOn", e.completedOn()));
            }
            case AUDIT_DECIDED -> {
                AuditDecided e = event.data(AuditDecided.class);
                yield step(event, Step.AUDITED, e.decidedAt(), e.number(), e.actor(), detail("number", e.number(),
                        "renewalId", e.renewalId(), "accepted", e.accepted()));
            }
            case CERTIFICATION_RENEWED -> {
                CertificationRenewed e = event.data(CertificationRenewed.class);
                yield step(event, Step.RENEWED, event.time(), e.number(), e.actor(), detail("number", e.number(),
                        "method", e.method(), "late", e.late(), "cycleStartedOn", e.cycleStartedOn(),
                        "expiresOn", e.expiresOn()));
            }
            case CERTIFICATION_EXPIRED -> {
                CertificationExpired e = event.data(CertificationExpired.class);
                yield step(event, Step.EXPIRED, startOf(e.expiredOn()), e.number(), null,
                        detail("number", e.number()));
            }
            case CERTIFICATION_LAPSED -> {
                CertificationLapsed e = event.data(CertificationLapsed.class);
                yield step(event, Step.LAPSED, startOf(e.lapsedOn()), e.number(), null,
                        detail("number", e.number()));
            }
            case CERTIFICATION_RETIRED -> {
                CertificationRetired e = event.data(CertificationRetired.class);
                yield step(event, Step.RETIRED, startOf(e.retiredOn()), e.number(), e.actor(),
                        detail("number", e.number()));
            }
        };
    }

    /**
     * Every ExamBooked is stored as BOOKED: whether it was the booking or a later move of it, and when the candidate
     * then sat, {@link Timeline} works out when reading, so that each stored step depends on its own event alone
     * and any arrival order (a replay's, beside the live consumer) stores the same rows.
     */
    private Uni<Void> booked(IncomingEvent event, ExamBooked e) {
        return step(event, Step.BOOKED, event.time(), e.bookingId().toString(), null, detail("bookingId",
                e.bookingId(), "sittingId", e.sittingId(), "site", e.site(), "startsAt", e.startsAt()));
    }

    /** A result is two steps: the candidate sat (a no-show did not), then the result was recorded, by whom. */
    private Uni<Void> result(IncomingEvent event, UUID bookingId, LocalDate examDate, boolean noShow, Actor actor,
            Map<String, Object> detail) {
        Uni<Void> recorded = step(event, Step.RESULT, event.time(), bookingId.toString(), actor, detail);
        if (noShow) {
            return recorded;
        }
        return step(event, Step.SAT, startOf(examDate), bookingId.toString(), null,
                detail("bookingId", bookingId, "examDate", examDate)).chain(() -> recorded);
    }

    private Uni<Void> step(IncomingEvent event, Step step, Instant occurredAt, String ref, Actor actor,
            Map<String, Object> detail) {
        String text;
        try {
            text = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return steps.insert(new TimelineRow(event.id(), step, event.data().candidateId(), occurredAt, event.time(),
                event.type().service().name().toLowerCase(), ref, actor, text));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Keys and values in turn; a map that keeps nulls (a pending decision has no pathway). */
    private static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return detail;
    }
}
