package org.certboard.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certboard.outbox.*}: how the relay publishes the outbox. */
@ConfigMapping(prefix = "certboard.outbox")
public interface RelayConfig {

    /** Whether this instance runs a relay at all. */
    @WithDefault("true")
    boolean enabled();

    /** Rows published per database transaction. */
    @WithDefault("1000")
    int batchSize();

    /** Fallback poll when no commit notification arrives. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait between retries while Kafka or the database is down. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long published rows are kept (for audit and replay) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
