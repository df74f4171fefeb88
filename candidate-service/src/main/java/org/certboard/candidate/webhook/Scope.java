package org.certboard.candidate.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.renewal.CeCreditLogged;

/**
 * What a subscription may receive. No scope is a default: whoever creates a subscription names one, and only an
 * admin can create any (BOARD included).
 */
public enum Scope {
    /** The certification events of the people who authorised this subscription: status, number, dates, no name. */
    EMPLOYER(EnumSet.of(EventType.CERTIFICATION_ISSUED, EventType.CERTIFICATION_RENEWED,
            EventType.CERTIFICATION_EXPIRED, EventType.CERTIFICATION_LAPSED, EventType.CERTIFICATION_RETIRED)),
    /** The CE credits that name this subscription's provider (its {@code providerId}), and nothing else. */
    CE_PROVIDER(EnumSet.of(EventType.CE_CREDIT_LOGGED)),
    /** Every event of every person, as on the topics: for the board's own systems. */
    BOARD(EnumSet.complementOf(EnumSet.of(EventType.CANDIDATE_REGISTERED_V1, EventType.CANDIDATE_UPDATED_V1)));

    private final Set<EventType> types;

    Scope(Set<EventType> types) {
        this.types = types;
    }

    public boolean allows(EventType type) {
        return types.contains(type);
    }

    /** The CloudEvents types this scope allows, in the contract's order. */
    public List<String> eventTypes() {
        return Arrays.stream(EventType.values()).filter(types::contains).map(EventType::type).toList();
    }

    /**
     * The CE provider whose records {@code event} belongs to: the provider a logged credit names; null for a credit
     * that names none and for every other event, so that no CE_PROVIDER subscription receives it.
     */
    static String ceProviderOf(EventPayload event) {
        return event instanceof CeCreditLogged credit ? credit.providerId() : null;
    }
}
