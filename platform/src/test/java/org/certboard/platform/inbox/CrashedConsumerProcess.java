package org.certboard.platform.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer in a process of its own, for {@link ConsumerTakeoverTest} to kill with SIGKILL: it subscribes with the
 * given group settings and prints ASSIGNED with its partition count after every rebalance.
 * Arguments: bootstrap servers, topic, group, then {@code key=value} consumer settings.
 */
public final class CrashedConsumerProcess {
    private CrashedConsumerProcess() {
    }

    public static void main(String[] args) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0], ConsumerConfig.GROUP_ID_CONFIG, args[2]));
        for (int i = 3; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            config.put(setting[0], setting[1]);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(args[1]), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    System.out.println("ASSIGNED " + consumer.assignment().size());
                    System.out.flush();
                }
            });
            while (true) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
    }
}
