package org.certboard.platform.archfixture.inbox;

import java.time.Duration;

/** Fixture for PlatformRulesTest: stands for an inbox class. */
public class Retention {
    public Duration of() {
        return Duration.ofDays(30);
    }
}
