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

    /**
     * How long the relay waits after a batch smaller than {@link #batchSize()} before it looks again, unless woken:
     * every commit of this replica that wrote outbox rows wakes it at once, so the poll only finds what another
     * replica committed while this one held the lease. It is what an idle relay costs (one small transaction per
     * interval), and the longest such an event can wait. (No NOTIFY per commit: it made the service's writes commit
     * one at a time, docs/benchmarks.md.)
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long the relay waits after a wake-up before its pass, so that the commits of that moment go out as one
     * batch (Kafka's {@code linger.ms}, one level up): under load, one transaction, one select and one produce request
     * for several events, and downstream consumers that fetch them together. The most an event waits for it; an idle
     * relay does not wait at all, since nothing wakes it. Zero: each wake-up publishes at once.
     */
    @WithDefault("50ms")
    Duration linger();

    /**
     * How soon the relay looks again when another replica's relay held the lease: the events that woke this one may
     * have been committed after that relay selected its batch.
     */
    @WithDefault("50ms")
    Duration leaseRetry();

    /** Longest wait between retries while Kafka or the database is down. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long published rows are kept (for audit and replay) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Longest a JDBC read may wait on the database: a half-open connection fails after it instead of holding the
     * relay (and, through its transaction, the lease) forever. Also the server-side limit on an idle transaction of
     * the relay's session, which frees the lease of a relay whose connection vanished.
     */
    @WithDefault("30s")
    Duration socketTimeout();

    /**
     * Liveness fails when the relay's loop has not gone round for this long (thread dead or a call hung). It goes
     * round at least every poll interval or backoff, whether or not Kafka is up.
     */
    @WithDefault("2m")
    Duration stallAfter();
}
