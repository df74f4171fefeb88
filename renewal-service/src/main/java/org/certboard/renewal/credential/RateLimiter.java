package org.certboard.renewal.credential;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled evenly over {@code window}. Wall-clock
 * (monotonic) time, not the board clock, which the sandbox moves by years. Plain Java.
 */
public final class RateLimiter {
    private final int capacity;
    private final double nanosPerToken;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    public RateLimiter(int capacity, Duration window, int maxClients, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.nanosPerToken = (double) window.toNanos() / capacity;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    /** Empty if {@code client} may go ahead (and takes a token); otherwise the seconds until it may try again. */
    public OptionalLong acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, ignored -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double nanosToWait = (1 - bucket.tokens) * nanosPerToken;
            // less a microsecond: floating-point dust must not round a whole second up to the next
            return OptionalLong.of(Math.max(1, (long) Math.ceil(nanosToWait / 1e9 - 1e-6)));
        }
    }

    private void refill(Bucket bucket, long now) {
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) / nanosPerToken);
        bucket.updatedAt = now;
    }

    /** A client with a full bucket is indistinguishable from a new one, so forgetting it changes nothing. */
    private void forgetIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                refill(bucket, now);
                if (bucket.tokens >= capacity) {
                    it.remove();
                }
            }
        }
    }
}
