package org.certboard.events;

/** Kafka topics: one per producing service, keyed by candidate id so one candidate's events stay in order. */
public final class Topics {
    public static final String CANDIDATE_EVENTS = "certboard.candidate.events";
    public static final String EXAM_EVENTS = "certboard.exam.events";
    public static final String RENEWAL_EVENTS = "certboard.renewal.events";

    public static final String CANDIDATE_DLQ = "certboard.candidate.dlq";
    public static final String EXAM_DLQ = "certboard.exam.dlq";
    public static final String RENEWAL_DLQ = "certboard.renewal.dlq";

    public static final java.util.List<String> ALL = java.util.List.of(
            CANDIDATE_EVENTS, EXAM_EVENTS, RENEWAL_EVENTS, CANDIDATE_DLQ, EXAM_DLQ, RENEWAL_DLQ);

    private Topics() {
    }
}
