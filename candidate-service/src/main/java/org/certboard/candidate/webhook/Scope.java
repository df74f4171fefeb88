package org.certboard.candidate.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certboard.events.EventType;

/**
 * What a subscription may receive. No scope is a default: whoever creates a subscription names one, and only an
 * admin can create any (BOARD included). A CE provider scope waits for CeCreditLogged to name the provider
 * (docs/integrations.md): today nothing in the events would tell one provider's records from another's.
 */
public enum Scope {
    /** The certification events of the people who authorised this subscription: status, number, dates, no name. */
    EMPLOYER(EnumSet.of(EventType.CERTIFICATION_ISSUED, EventType.CERTIFICATION_RENEWED,
            EventType.CERTIFICATION_EXPIRED, EventType.CERTIFICATION_LAPSED, EventType.CERTIFICATION_RETIRED)),
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
}
