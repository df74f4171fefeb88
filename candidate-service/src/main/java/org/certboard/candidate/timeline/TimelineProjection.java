package org.certboard.candidate.timeline;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.EvidenceAdded;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.events.candidate.NameChangeDecided;
import org.certboard.events.candidate.NameChangeRequested;
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
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.inbox.IncomingEvent;
import org.certboard.platform.program.Program;
import org.certboard.platform.program.Programs;

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
    private final TimelineRepository steps;
    private final ObjectMapper json;
    private final CandidateRepository candidates;
    private final Programs programs;
    /** Every event type of the three topics is a step (or two) of someone's path. */
    private final StepsOf stepsOf = new StepsOf()
            .on(CandidateRegistered.class, (event, e) -> step(event, Step.REGISTERED, e.registeredAt(), null, null,
                    detail()))
            .on(CandidateRegisteredV1.class, (event, e) -> step(event, Step.REGISTERED, e.registeredAt(), null, null,
                    detail()))
            .on(CandidateClaimed.class, (event, e) -> step(event, Step.CLAIMED, e.claimedAt(), null, null,
                    detail()))
            .on(CandidateUpdated.class, (event, e) -> step(event, Step.NAME_CHANGED, e.updatedAt(), null, null,
                    detail()))
            .on(NameChangeRequested.class, (event, e) -> step(event, Step.NAME_CHANGE_REQUESTED, e.requestedAt(),
                    e.requestId().toString(), e.actor(), detail("requestId", e.requestId())))
            .on(NameChangeDecided.class, (event, e) -> step(event, Step.NAME_CHANGE_DECIDED, e.decidedAt(),
                    e.requestId().toString(), e.actor(), detail("requestId", e.requestId(), "accepted", e.accepted(),
                            "correction", e.correction())))
            .on(CandidateUpdatedV1.class, (event, e) -> step(event, Step.NAME_CHANGED, e.updatedAt(), null, null,
                    detail()))
            .on(LicenceRecorded.class, (event, e) -> step(event, Step.EVIDENCE_ADDED, event.time(),
                    e.licenceId().toString(), null, detail("kind", "LICENCE")))
            .on(EvidenceAdded.class, (event, e) -> step(event, Step.EVIDENCE_ADDED, e.addedAt(),
                    e.evidenceId().toString(), null, detail("kind", e.kind())))
            .on(EligibilityDecided.class, (event, e) -> step(event, Step.DECIDED, e.decidedAt(),
                    e.applicationId().toString(), e.actor(), about(e.program(), "applicationId",
                            e.applicationId(), "status", e.status(), "pathway", e.pathway(), "authorisedUntil",
                            e.authorisedUntil())))
            .on(ExamBooked.class, this::booked)
            .on(BookingCancelled.class, (event, e) -> step(event, Step.CANCELLED, e.cancelledAt(),
                    e.bookingId().toString(), null, about(e.program(), "bookingId", e.bookingId(), "sittingId",
                            e.sittingId())))
            .onEach(ExamPassed.class, (event, e) -> result(event, e.program(), e.bookingId(), e.examDate(), false,
                    e.actor(), about(e.program(), "bookingId", e.bookingId(), "passed", true, "scaledScore",
                            e.scaledScore(), "noShow", false)))
            .onEach(ExamFailed.class, (event, e) -> result(event, e.program(), e.bookingId(), e.examDate(),
                    e.noShow(), e.actor(), about(e.program(), "bookingId", e.bookingId(), "passed", false,
                            "scaledScore", e.scaledScore(), "noShow", e.noShow())))
            .on(CertificationIssued.class, this::certified)
            .on(RenewalReminderDue.class, (event, e) -> step(event, Step.REMINDER, startOf(e.dueOn()), e.number(),
                    null, about(e.program(), "number", e.number(), "daysBefore", e.daysBefore(), "expiresOn",
                            e.expiresOn())))
            .on(CeCreditLogged.class, (event, e) -> step(event, Step.CE_LOGGED, event.time(), e.number(), null,
                    about(e.program(), "number", e.number(), "hours", e.hours(), "ethics", e.ethics(),
                            "completedOn", e.completedOn())))
            .on(AuditDecided.class, (event, e) -> step(event, Step.AUDITED, e.decidedAt(), e.number(), e.actor(),
                    about(e.program(), "number", e.number(), "renewalId", e.renewalId(), "accepted",
                            e.accepted())))
            .on(CertificationRenewed.class, (event, e) -> step(event, Step.RENEWED, event.time(), e.number(),
                    e.actor(), about(e.program(), "number", e.number(), "method", e.method(), "late", e.late(),
                            "cycleStartedOn", e.cycleStartedOn(), "expiresOn", e.expiresOn())))
            .on(CertificationExpired.class, (event, e) -> step(event, Step.EXPIRED, startOf(e.expiredOn()),
                    e.number(), null, about(e.program(), "number", e.number())))
            .on(CertificationLapsed.class, (event, e) -> step(event, Step.LAPSED, startOf(e.lapsedOn()), e.number(),
                    null, about(e.program(), "number", e.number())))
            .on(CertificationRetired.class, (event, e) -> step(event, Step.RETIRED, startOf(e.retiredOn()),
                    e.number(), e.actor(), about(e.program(), "number", e.number())));
    private final EventHandlers handlers = EventHandlers.inSets(this::apply);

    public TimelineProjection(TimelineRepository steps, ObjectMapper json, CandidateRepository candidates,
            Programs programs) {
        this.steps = steps;
        this.json = json;
        this.candidates = candidates;
        this.programs = programs;
    }

    /**
     * What the events do to the timeline, a poll at a time: the live consumer
     * ({@link org.certboard.candidate.listener.BoardEventsListener}) and a replay ({@link TimelineReplay}) apply events
     * through these.
     */
    public EventHandlers handlers() {
        return handlers;
    }

    /**
     * Applies the events as a set, in the caller's transaction: all their steps with one statement, then, with
     * another, the name fixing of every candidate certified among them. Each step depends on its own event alone,
     * so the set stores what applying the events one by one would.
     */
    Uni<Void> apply(List<IncomingEvent> events) {
        return Uni.createFrom().item(() -> events.stream().flatMap(event -> stepsOf.rows(event).stream()).toList())
                .chain(steps::insertAll)
                .chain(() -> candidates.fixNames(certifiedSince(events)));
    }

    /**
     * A certificate carries the legal name: from its issue on the board relies on it (profile's name changes). Per
     * candidate, the earliest issue among the events.
     */
    private static Map<UUID, Instant> certifiedSince(List<IncomingEvent> events) {
        Map<UUID, Instant> since = new HashMap<>();
        for (IncomingEvent event : events) {
            if (event.data() instanceof CertificationIssued e) {
                since.merge(e.candidateId(), event.time(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return since;
    }

    /**
     * Every ExamBooked is stored as BOOKED: whether it was the booking or a later move of it, and when the candidate
     * then sat, {@link Timeline} works out when reading, so that each stored step depends on its own event alone
     * and any arrival order (a replay's, beside the live consumer) stores the same rows.
     */
    private TimelineRow booked(IncomingEvent event, ExamBooked e) {
        return step(event, Step.BOOKED, event.time(), e.bookingId().toString(), null, about(e.program(),
                "bookingId", e.bookingId(), "sittingId", e.sittingId(), "site", e.site(), "startsAt", e.startsAt()));
    }

    /** The step of an issue; the name it fixes is {@link #certifiedSince}'s. */
    private TimelineRow certified(IncomingEvent event, CertificationIssued e) {
        return step(event, Step.CERTIFIED, event.time(), e.number(), null, about(e.program(), "number",
                e.number(), "firstCertifiedOn", e.firstCertifiedOn(), "expiresOn", e.expiresOn()));
    }

    /** A result is two steps: the candidate sat (a no-show did not), then the result was recorded, by whom. */
    private List<TimelineRow> result(IncomingEvent event, String program, UUID bookingId, LocalDate examDate,
            boolean noShow, Actor actor, Map<String, Object> detail) {
        TimelineRow recorded = step(event, Step.RESULT, event.time(), bookingId.toString(), actor, detail);
        if (noShow) {
            return List.of(recorded);
        }
        return List.of(step(event, Step.SAT, startOf(examDate), bookingId.toString(), null,
                about(program, "bookingId", bookingId, "examDate", examDate)), recorded);
    }

    private TimelineRow step(IncomingEvent event, Step step, Instant occurredAt, String ref, Actor actor,
            Map<String, Object> detail) {
        String text;
        try {
            text = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new TimelineRow(event.id(), step, event.data().candidateId(), occurredAt, event.time(),
                event.type().service().name().toLowerCase(), ref, actor, text);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The detail of a step about a credential program: its code and the credential's name (from the configured
     * programs; null for a program since removed), so a person holding two certifications reads which one a step is
     * about; then the keys and values in turn.
     */
    private Map<String, Object> about(String program, Object... keysAndValues) {
        Map<String, Object> detail = detail("program", program, "credential",
                programs.find(program).map(Program::name).orElse(null));
        detail.putAll(detail(keysAndValues));
        return detail;
    }

    /** Keys and values in turn; a map that keeps nulls (a pending decision has no pathway). */
    private static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return detail;
    }

    /** The steps of each event type, keyed by payload class; an event of a type without steps has none. */
    private static final class StepsOf {
        private final Map<Class<? extends EventPayload>, BiFunction<IncomingEvent, EventPayload, List<TimelineRow>>>
                steps = new HashMap<>();

        /** Events whose payload is a {@code payloadType} are one step. */
        <T extends EventPayload> StepsOf on(Class<T> payloadType, BiFunction<IncomingEvent, T, TimelineRow> step) {
            return onEach(payloadType, (event, payload) -> List.of(step.apply(event, payload)));
        }

        /** Events whose payload is a {@code payloadType} are these steps. */
        <T extends EventPayload> StepsOf onEach(Class<T> payloadType,
                BiFunction<IncomingEvent, T, List<TimelineRow>> rows) {
            if (steps.putIfAbsent(payloadType, (event, payload) -> rows.apply(event, payloadType.cast(payload)))
                    != null) {
                throw new IllegalStateException("two mappings for " + payloadType.getName());
            }
            return this;
        }

        List<TimelineRow> rows(IncomingEvent event) {
            var rows = steps.get(event.data().getClass());
            return rows == null ? List.of() : rows.apply(event, event.data());
        }
    }
}
