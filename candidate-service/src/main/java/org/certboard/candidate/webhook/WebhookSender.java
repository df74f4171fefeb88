package org.certboard.candidate.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * Delivers what {@link WebhookIntake} recorded, non-blocking on the event loop: claims due deliveries (the first
 * pending one of each subscription, topic and person, so a person's events arrive in order), posts each as a
 * Standard Webhooks request, records the attempt, and schedules the next try from the retry schedule with jitter
 * (board time) or parks the delivery. Each subscription has at most {@code max-in-flight-per-subscription} requests
 * open and its own connection pool, so a subscriber that hangs holds only its own slots until the read timeout.
 * <p>
 * Every attempt resolves the subscriber's host itself, refuses it when any address is one the {@link AddressGuard}
 * forbids, and connects to the checked address (SNI and Host stay the URL's name): a DNS answer that changes between
 * check and connection cannot point the request elsewhere. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int EXCERPT_CHARS = 500;
    private static final Duration METRICS_EVERY = Duration.ofSeconds(15);
    private static final int POOL_PER_HOST = 256;

    /** The guard said no: nothing was sent. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Vertx vertx;
    private final WebhookConfig config;
    private final AddressGuard guard;
    private final SecretBox secrets;
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final boolean sandbox;
    private final HttpClient client;
    private final Map<UUID, Integer> busy = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final MeterRegistry registry;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();
    private final List<Long> timers = new ArrayList<>();

    public WebhookSender(Vertx vertx, WebhookConfig config, AddressGuard guard, SecretBox secrets,
            DeliveryRepository deliveries, Clock clock, @ConfigProperty(name = "certboard.sandbox") boolean sandbox,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.config = config;
        this.guard = guard;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.clock = clock;
        this.sandbox = sandbox;
        this.registry = registry;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setForceSni(true)
                // subscribers may share a host (and so a pool): the in-flight limit, not the pool, keeps one
                // subscription from taking another's connections
                .setMaxPoolSize(POOL_PER_HOST)
                .setKeepAlive(true));
        Gauge.builder("certboard.webhook.deliveries.parked", parked, AtomicLong::get)
                .description("Webhook deliveries parked after the retry schedule ran out, waiting for a replay")
                .register(registry);
        Gauge.builder("certboard.webhook.subscribers.failing", failing, AtomicLong::get)
                .description("Webhook subscriptions whose oldest pending delivery has failed at least once")
                .register(registry);
    }

    void start(@Observes StartupEvent start) {
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp()));
        timers.add(vertx.setPeriodic(METRICS_EVERY.toMillis(), id -> deliveries.parkedAndFailing().subscribe()
                .with(counts -> {
                    parked.set(counts[0]);
                    failing.set(counts[1]);
                }, failure -> LOG.debugf("webhook metrics not read: %s", failure))));
    }

    void stop(@Observes ShutdownEvent stop) {
        timers.forEach(vertx::cancelTimer);
    }

    /** Looks for due deliveries now (new ones were recorded, or one finished); at most one look at a time. */
    public void wakeUp() {
        if (!polling.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Duration lease = config.connectTimeout().plus(config.readTimeout()).plusSeconds(30);
        deliveries.claim(clock.instant(), new HashMap<>(busy), config.maxInFlightPerSubscription(),
                lease.toSeconds())
                .subscribe().with(claimed -> {
                    claimed.forEach(this::send);
                    polling.set(false);
                    if (again.get()) {
                        wakeUp();
                    }
                }, failure -> {
                    polling.set(false);
                    LOG.warnf("could not look for due webhook deliveries: %s", failure.toString());
                });
    }

    private void send(Due due) {
        busy.merge(due.subscriptionId(), 1, Integer::sum);
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        // deferred: a URL or secret that cannot be read fails this attempt, not the sender's loop
        Uni.createFrom().deferred(() -> post(due))
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    Attempt attempt = failure == null
                            ? new Attempt(attemptedAt, answer.outcome(), answer.status(), latency, answer.excerpt())
                            : new Attempt(attemptedAt, outcomeOf(failure), null, latency,
                                    excerpt(String.valueOf(failure.getMessage())));
                    boolean delivered = "DELIVERED".equals(attempt.outcome());
                    counter(attempt.outcome()).increment();
                    return deliveries.attempted(due.id(), attempt, delivered,
                            delivered ? null : retryAt(due.attempts() + 1));
                })
                .subscribe().with(done -> finished(due), failure -> {
                    LOG.warnf("could not record an attempt of webhook delivery %s: %s", due.id(), failure);
                    finished(due);
                });
    }

    private void finished(Due due) {
        busy.computeIfPresent(due.subscriptionId(), (id, n) -> n <= 1 ? null : n - 1);
        wakeUp();
    }

    private record Answer(String outcome, int status, String excerpt) {
    }

    private Uni<Answer> post(Due due) {
        URI url = URI.create(due.url());
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        if (!https && !sandbox) {
            return Uni.createFrom().failure(new Refused("plain http is refused outside sandbox mode"));
        }
        String host = url.getHost();
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        long timestamp = Instant.now().getEpochSecond();
        List<String> keys = new ArrayList<>(List.of(secrets.open(due.secret())));
        if (due.previousValid() && due.previousSecret() != null) {
            keys.add(secrets.open(due.previousSecret()));
        }
        String signature = Signatures.sign(keys, due.id().toString(), timestamp, due.body());
        return vertx.<InetAddress[]>executeBlocking(() -> InetAddress.getAllByName(host))
                .chain(addresses -> {
                    for (InetAddress address : addresses) {
                        String refusal = guard.refusal(address);
                        if (refusal != null) {
                            return Uni.createFrom().failure(new Refused(host + " resolves to " + refusal));
                        }
                    }
                    RequestOptions options = new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setServer(SocketAddress.inetSocketAddress(port, addresses[0].getHostAddress()))
                            .setHost(host)
                            .setPort(port)
                            .setSsl(https)
                            .setURI(path)
                            .setFollowRedirects(false)
                            .setConnectTimeout(config.connectTimeout().toMillis())
                            .setIdleTimeout(config.readTimeout().toMillis())
                            .putHeader("content-type", "application/json")
                            .putHeader("user-agent", "certboard-webhooks")
                            .putHeader("webhook-id", due.id().toString())
                            .putHeader("webhook-timestamp", Long.toString(timestamp))
                            .putHeader("webhook-signature", signature);
                    return client.request(options)
                            .chain(request -> request.send(due.body()))
                            .chain(WebhookSender::answer);
                })
                .ifNoItem().after(config.connectTimeout().plus(config.readTimeout()))
                .failWith(() -> new TimeoutException("no answer within the connect and read timeouts"));
    }

    /** Reads at most the first characters of the answer: a subscriber cannot make us hold a large body. */
    private static Uni<Answer> answer(HttpClientResponse response) {
        int status = response.statusCode();
        return response.toMulti()
                .collect().in(StringBuilder::new, (text, buffer) -> {
                    if (text.length() < EXCERPT_CHARS) {
                        text.append(buffer.toString(StandardCharsets.UTF_8));
                    }
                })
                .map(text -> new Answer(status >= 200 && status < 300 ? "DELIVERED" : "REJECTED", status,
                        excerpt(text.toString())));
    }

    /** Null: park. */
    private Instant retryAt(int attemptsMade) {
        List<Duration> schedule = config.retrySchedule();
        if (attemptsMade > schedule.size()) {
            return null;
        }
        Duration wait = schedule.get(attemptsMade - 1);
        double spread = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return clock.instant().plusMillis(Math.round(wait.toMillis() * spread));
    }

    private static String outcomeOf(Throwable failure) {
        if (failure instanceof Refused) {
            return "REFUSED";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "TIMED_OUT";
            }
        }
        return "UNREACHABLE";
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
    }

    private Counter counter(String outcome) {
        return attempts.computeIfAbsent(outcome, o -> Counter.builder("certboard.webhook.attempts")
                .description("Webhook delivery attempts, by outcome").tag("outcome", o).register(registry));
    }
}
