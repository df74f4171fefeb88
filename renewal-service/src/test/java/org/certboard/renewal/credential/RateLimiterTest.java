package org.certboard.renewal.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), 2, nanos::get);

    @Test
    void aClientMayBurstUpToTheLimitThenWaitsForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
        }
        assertThat(limiter.acquire("a")).isEqualTo(OptionalLong.of(20));
        // another client is not held up by the first
        assertThat(limiter.acquire("b")).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(19).toNanos());
        assertThat(limiter.acquire("a")).isEqualTo(OptionalLong.of(1));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void clientsWithAFullBucketAreForgottenWhenTheTableIsFullButBusyOnesAreNot() {
        limiter.acquire("busy");
        limiter.acquire("busy");
        limiter.acquire("busy");
        limiter.acquire("idle");
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        // a third client: "idle" has refilled and is forgotten, "busy" (one token short) keeps its count
        assertThat(limiter.acquire("new")).isEmpty();
        assertThat(limiter.acquire("busy")).isEmpty();
        assertThat(limiter.acquire("busy")).isPresent();
    }
}
