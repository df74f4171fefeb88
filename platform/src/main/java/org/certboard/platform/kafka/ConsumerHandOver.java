package org.certboard.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Hands a stopping replica's partitions over without losing or dead-lettering an event (a rolling update, a node
 * drain; benchmarks/rolling-restart measures it). As soon as the shutdown begins (readiness turns DOWN for
 * {@code quarkus.shutdown.delay}) every Kafka consumer of the service is paused: it fetches nothing more, the records in
 * hand finish and their offsets are committed while the database pool is still open. The connector closes the
 * consumers last, and they leave their groups; the remaining replicas go on from the committed offsets. Without the
 * pause the consumers kept taking records while Quarkus closed the pool under them.
 */
@ApplicationScoped
public class ConsumerHandOver {
    private static final Logger LOG = Logger.getLogger(ConsumerHandOver.class);
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientService clients;
    private final AtomicBoolean paused = new AtomicBoolean();

    public ConsumerHandOver(KafkaClientService clients) {
        this.clients = clients;
    }

    void atShutdownDelay(@Observes ShutdownDelayInitiatedEvent delay) {
        pauseAll();
    }

    /** Where no shutdown delay is configured (tests, the local stack), the shutdown itself is the first signal. */
    void atShutdown(@Observes ShutdownEvent shutdown) {
        pauseAll();
    }

    private void pauseAll() {
        if (!paused.compareAndSet(false, true)) {
            return;
        }
        List<String> channels = new ArrayList<>();
        for (String channel : clients.getConsumerChannels()) {
            for (KafkaConsumer<Object, Object> consumer : clients.<Object, Object>getConsumers(channel)) {
                try {
                    // on the consumer's polling thread, which goes on polling (heartbeats, commits) while paused
                    consumer.pause().await().atMost(PAUSE_TIMEOUT);
                    channels.add(channel);
                } catch (RuntimeException e) {
                    LOG.warnf("could not pause the consumer of %s for the shutdown: %s", channel, e.toString());
                }
            }
        }
        if (!channels.isEmpty()) {
            LOG.infof("shutting down: Kafka consumers paused (%s); their partitions go to the other replicas when they"
                    + " close", String.join(", ", channels));
        }
    }
}
