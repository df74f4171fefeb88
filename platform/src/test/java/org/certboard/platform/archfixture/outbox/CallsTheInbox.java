package org.certboard.platform.archfixture.outbox;

import java.time.Duration;

import org.certboard.platform.archfixture.inbox.Retention;

/** Fixture for PlatformRulesTest: a relay that uses an inbox class (breaks outboxDoesNotUseTheInbox). */
public class CallsTheInbox {
    public Duration retention() {
        return new Retention().of();
    }
}
