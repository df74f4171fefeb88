package org.certboard.events;

import java.util.Arrays;
import java.util.Optional;

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
import org.certboard.events.renewal.RenewalSampledForAudit;

/**
 * Every event type of the contract: its CloudEvents {@code type}, the topic it travels on and its payload record.
 * The JSON Schema of each lives at {@code schemas/<type>.json} on the classpath.
 */
public enum EventType {
    CANDIDATE_REGISTERED(Service.CANDIDATE, "CandidateRegistered", 2, CandidateRegistered.class),
    CANDIDATE_UPDATED(Service.CANDIDATE, "CandidateUpdated", 2, CandidateUpdated.class),
    /** Read, no longer published: v2 leaves out the email. */
    CANDIDATE_REGISTERED_V1(Service.CANDIDATE, "CandidateRegistered", 1, CandidateRegisteredV1.class),
    /** Read, no longer published: v2 leaves out the email. */
    CANDIDATE_UPDATED_V1(Service.CANDIDATE, "CandidateUpdated", 1, CandidateUpdatedV1.class),
    LICENCE_RECORDED(Service.CANDIDATE, "LicenceRecorded", 1, LicenceRecorded.class),
    ELIGIBILITY_DECIDED(Service.CANDIDATE, "EligibilityDecided", 1, EligibilityDecided.class),
    EVIDENCE_ADDED(Service.CANDIDATE, "EvidenceAdded", 1, EvidenceAdded.class),
    CANDIDATE_CLAIMED(Service.CANDIDATE, "CandidateClaimed", 1, CandidateClaimed.class),
    NAME_CHANGE_REQUESTED(Service.CANDIDATE, "NameChangeRequested", 1, NameChangeRequested.class),
    NAME_CHANGE_DECIDED(Service.CANDIDATE, "NameChangeDecided", 1, NameChangeDecided.class),
    EXAM_BOOKED(Service.EXAM, "ExamBooked", 1, ExamBooked.class),
    EXAM_PASSED(Service.EXAM, "ExamPassed", 1, ExamPassed.class),
    EXAM_FAILED(Service.EXAM, "ExamFailed", 1, ExamFailed.class),
    BOOKING_CANCELLED(Service.EXAM, "BookingCancelled", 1, BookingCancelled.class),
    CERTIFICATION_ISSUED(Service.RENEWAL, "CertificationIssued", 1, CertificationIssued.class),
    RENEWAL_REMINDER_DUE(Service.RENEWAL, "RenewalReminderDue", 1, RenewalReminderDue.class),
    CERTIFICATION_RENEWED(Service.RENEWAL, "CertificationRenewed", 1, CertificationRenewed.class),
    CERTIFICATION_EXPIRED(Service.RENEWAL, "CertificationExpired", 1, CertificationExpired.class),
    CERTIFICATION_LAPSED(Service.RENEWAL, "CertificationLapsed", 1, CertificationLapsed.class),
    CERTIFICATION_RETIRED(Service.RENEWAL, "CertificationRetired", 1, CertificationRetired.class),
    CE_CREDIT_LOGGED(Service.RENEWAL, "CeCreditLogged", 1, CeCreditLogged.class),
    AUDIT_DECIDED(Service.RENEWAL, "AuditDecided", 1, AuditDecided.class),
    RENEWAL_SAMPLED_FOR_AUDIT(Service.RENEWAL, "RenewalSampledForAudit", 1, RenewalSampledForAudit.class);

    /** The producing services; each owns one topic and one CloudEvents source. */
    public enum Service {
        CANDIDATE("candidate", Topics.CANDIDATE_EVENTS),
        EXAM("exam", Topics.EXAM_EVENTS),
        RENEWAL("renewal", Topics.RENEWAL_EVENTS);

        private final String name;
        private final String topic;

        Service(String name, String topic) {
            this.name = name;
            this.topic = topic;
        }

        public String topic() {
            return topic;
        }

        /** CloudEvents {@code source}. */
        public String source() {
            return "/certboard/" + name;
        }
    }

    private final Service service;
    private final String type;
    private final Class<? extends EventPayload> payloadType;

    EventType(Service service, String name, int version, Class<? extends EventPayload> payloadType) {
        this.service = service;
        this.type = "org.certboard." + service.name + "." + name + ".v" + version;
        this.payloadType = payloadType;
    }

    /** CloudEvents {@code type}, e.g. {@code org.certboard.exam.ExamPassed.v1}. */
    public String type() {
        return type;
    }

    public Service service() {
        return service;
    }

    public String topic() {
        return service.topic();
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event of the contract: " + payload.getClass()));
    }
}
