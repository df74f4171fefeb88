package org.certboard.platform.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the relay's loop goes round: it fails when the relay thread has died or a call has hung for longer than
 * {@code certboard.outbox.stall-after}. A broker or database outage does not fail it: the loop keeps going round,
 * retrying with backoff, and restarting the pod would not bring Kafka back.
 */
@Liveness
@ApplicationScoped
public class RelayLiveness implements HealthCheck {
    private final OutboxRelay relay;

    public RelayLiveness(OutboxRelay relay) {
        this.relay = relay;
    }

    static boolean goingRound(boolean threadAlive, long lastTurnNanos, long nowNanos, Duration stallAfter) {
        return threadAlive && nowNanos - lastTurnNanos <= stallAfter.toNanos();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay").status(relay.isGoingRound())
                .withData("sinceLastTurnMs", relay.sinceLastTurnNanos() / 1_000_000).build();
    }
}
