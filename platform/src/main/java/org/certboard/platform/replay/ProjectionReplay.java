package org.certboard.platform.replay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certboard.events.EventType;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.kafka.KafkaClientProperties;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Rebuilds the service's {@link Replayable} projection from the topics. In one transaction it empties the projection
 * and deletes this consumer's dedupe records (the {@code processed_event} rows whose source is a producer of its
 * topics; other consumers' stay), then reads every partition of those topics from the beginning up to the end
 * offsets taken at the start, with a consumer of its own that joins no group and commits nothing (the live consumer's
 * group and offsets are untouched), handing each record to {@link EventConsumer} with the live listener's own
 * handlers.
 * <p>
 * The live consumer keeps running meanwhile: whichever of the two comes first to an event records its id and applies
 * it, the other skips it. That is safe because the projection is deleted before the dedupe records (an event applied
 * in between is applied again, and every projection applies idempotently) and because each replayable projection
 * gives the same state in any order of its events. Runs on a thread of its own, one replay at a time per instance.
 */
@ApplicationScoped
public class ProjectionReplay {
    private static final Logger LOG = Logger.getLogger(ProjectionReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Instance<Replayable> projections;
    private final EventConsumer consumer;
    private final Map<String, Object> kafka;
    private final Clock clock;
    private ReplayStatus status;
    private Thread thread;

    public ProjectionReplay(Instance<Replayable> projections, EventConsumer consumer,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, Clock clock) {
        this.projections = projections;
        this.consumer = consumer;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Starts a replay; 409 while one is running. */
    public synchronized ReplayStatus start() {
        Replayable projection = projection();
        if (status != null && status.state() == ReplayStatus.State.RUNNING) {
            throw Refusal.conflict("Replay running", "a replay of " + projection.name()
                    + " is running; follow it with GET /admin/replay");
        }
        status = new ReplayStatus(projection.name(), ReplayStatus.State.RUNNING, clock.instant(), null, 0, 0,
                List.of(), null);
        thread = new Thread(() -> run(projection), "replay-" + projection.name());
        thread.setDaemon(true);
        thread.start();
        return status;
    }

    public synchronized ReplayStatus status() {
        Replayable projection = projection();
        return status == null ? ReplayStatus.idle(projection.name()) : status;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
        }
    }

    private Replayable projection() {
        if (!projections.isResolvable()) {
            throw Refusal.notFoundAs("Not Found", "this service has no projection to replay");
        }
        return projections.get();
    }

    private void run(Replayable projection) {
        long read = 0;
        long deadLettered = 0;
        try {
            reset(projection);
            LOG.infof("replay of %s: projection and its dedupe records reset; re-consuming %s", projection.name(),
                    projection.topics());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaClientProperties.consumer(kafka,
                    Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                            ConsumerConfig.CLIENT_ID_CONFIG, "replay-" + projection.name())))) {
                List<TopicPartition> partitions = new ArrayList<>();
                projection.topics().forEach(topic -> consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition()))));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                List<TopicPartition> open = new ArrayList<>(partitions);
                while (true) {
                    open.removeIf(partition -> consumer.position(partition) >= end.get(partition));
                    consumer.pause(partitions.stream().filter(p -> !open.contains(p)).toList());
                    update(projection, ReplayStatus.State.RUNNING, read, deadLettered, consumer, partitions, end, null);
                    if (open.isEmpty()) {
                        break;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("the service is stopping");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue;
                        }
                        read++;
                        if (!apply(projection, record)) {
                            deadLettered++;
                        }
                    }
                }
                update(projection, ReplayStatus.State.DONE, read, deadLettered, consumer, partitions, end, null);
                LOG.infof("replay of %s done: %d records read, %d refused", projection.name(), read, deadLettered);
            }
        } catch (Throwable failure) {
            LOG.errorf(failure, "replay of %s failed", projection.name());
            synchronized (this) {
                status = new ReplayStatus(projection.name(), ReplayStatus.State.FAILED, status.startedAt(),
                        clock.instant(), read, deadLettered, status.partitions(), String.valueOf(failure));
            }
        }
    }

    private void reset(Replayable projection) throws Throwable {
        String[] sources = projection.topics().stream()
                .flatMap(topic -> Arrays.stream(EventType.Service.values()).filter(s -> s.topic().equals(topic)))
                .map(EventType.Service::source).distinct().toArray(String[]::new);
        // The projection first, then the dedupe records: see the class comment.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> projection.reset()
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from processed_event where source = any(cast(:sources as text[]))")
                        .setParameter("sources", sources).executeUpdate()))));
    }

    /** True when the live listener's handlers accepted the record (applied it, or skipped it as a repeat). */
    private boolean apply(Replayable projection, ConsumerRecord<String, String> record) throws Throwable {
        AtomicBoolean refused = new AtomicBoolean();
        Message<String> message = Message.of(record.value(),
                Metadata.of(new IncomingKafkaRecordMetadata<>(record, "replay-" + projection.name())),
                () -> CompletableFuture.completedFuture(null),
                failure -> {
                    refused.set(true);
                    return CompletableFuture.completedFuture(null);
                });
        EventHandlers handlers = projection.handlers();
        VertxContextSupport.subscribeAndAwait(() -> consumer.consumeReplayed(message, handlers));
        if (refused.get()) {
            LOG.warnf("replay of %s: %s-%d@%d refused again (it is in the dead-letter topic since it first came)",
                    projection.name(), record.topic(), record.partition(), record.offset());
        }
        return !refused.get();
    }

    private synchronized void update(Replayable projection, ReplayStatus.State state, long read, long deadLettered,
            KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end,
            String error) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
        status = new ReplayStatus(projection.name(), state, status.startedAt(),
                state == ReplayStatus.State.RUNNING ? null : clock.instant(), read, deadLettered,
                partitions.stream().map(p -> new ReplayStatus.PartitionProgress(p.topic(), p.partition(),
                        Math.min(positions.get(p), end.get(p)), end.get(p))).toList(), error);
    }
}
