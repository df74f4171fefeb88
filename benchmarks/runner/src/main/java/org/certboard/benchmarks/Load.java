package org.certboard.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Two ways to drive an HTTP endpoint.
 * <ul>
 * <li>{@link #constantRate}: an open model, wrk2 style. Request i is due at start + i/rate whatever happened to the
 * ones before; its latency runs from that scheduled instant, not from when it could be sent. A slow server therefore
 * shows as latency (queueing included) instead of as fewer requests, so there is no coordinated omission.</li>
 * <li>{@link #saturate}: a closed model (wrk style) with a fixed number of connections, for the highest rate each
 * side sustains. Its latencies are not reported as latencies under a rate, only its throughput is used.</li>
 * </ul>
 */
final class Load {
    /** What one run measured. Latencies in microseconds. */
    record Run(String name, long sent, long completed, long errors, Map<Integer, Long> statuses, Histogram latency,
            double seconds) {
        double perSecond() {
            return completed / seconds;
        }

        long ok() {
            return statuses.entrySet().stream().filter(e -> e.getKey() < 400).mapToLong(Map.Entry::getValue).sum();
        }

        double p(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        double max() {
            return latency.getMaxValue() / 1000.0;
        }

        String summary() {
            return String.format("%s: %d sent, %d done in %.1f s (%.0f/s), statuses %s, errors %d, p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms", name, sent, completed, seconds, perSecond(), statuses, errors,
                    p(50), p(99), max());
        }
    }

    private final HttpClient http;

    Load(int threads) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "load");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    HttpClient http() {
        return http;
    }

    /**
     * Sends {@code rate} requests per second for {@code duration}, at most {@code connections} at once (a request
     * waiting for a free connection is late, and its lateness counts). {@code request} builds request number i.
     */
    Run constantRate(String name, double rate, Duration duration, int connections, LongFunction<HttpRequest> request) {
        long total = (long) (rate * duration.toNanos() / 1e9);
        long period = (long) (1e9 / rate);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        Semaphore slots = new Semaphore(connections);
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                }
                slots.release();
                done.countDown();
            });
        }
        await(done);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(name, total, total - errors.get(), errors.get(), new TreeMap<>(statuses), latency, seconds);
    }

    /** {@code connections} clients, each sending its next request when its previous one answered. */
    Run saturate(String name, Duration duration, int connections, LongFunction<HttpRequest> request) {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            loop(request, latency, statuses, errors, sequence, completed, end, done);
        }
        await(done);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(name, sequence.get(), completed.get(), errors.get(), new TreeMap<>(statuses), latency, seconds);
    }

    private void loop(LongFunction<HttpRequest> request, Histogram latency, Map<Integer, Long> statuses,
            AtomicLong errors, AtomicLong sequence, AtomicLong completed, long end, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request.apply(sequence.getAndIncrement()),
                HttpResponse.BodyHandlers.discarding());
        response.whenComplete((answer, failure) -> {
            latency.recordValue((System.nanoTime() - sent) / 1000);
            if (failure != null) {
                errors.incrementAndGet();
            } else {
                completed.incrementAndGet();
                statuses.merge(answer.statusCode(), 1L, Long::sum);
            }
            loop(request, latency, statuses, errors, sequence, completed, end, done);
        });
    }

    private static void await(CountDownLatch done) {
        try {
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still outstanding after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
