package org.certboard.platform.archfixture.outbox;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Fixture for PlatformRulesTest: a relay that reads the inbox's retention (breaks inboxSettingsAreReadInTheInbox). */
public class ReadsInboxSettings {
    private final Duration retention;

    public ReadsInboxSettings(@ConfigProperty(name = "certboard.inbox.retention") Duration retention) {
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }
}
