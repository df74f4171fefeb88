package org.certboard.devstack.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource giving a service the real components: the JVM's one Kafka broker and a throwaway database
 * on the running PostgreSQL, dropped at the end; the service trusts {@link TestTokens}. Use
 * {@code @WithTestResource(value = RealInfrastructure.class,
 * initArgs = @ResourceArg(name = "database", value = "exam"))}; every test class with the same resource shares one
 * application start. {@code @ResourceArg(name = "kafka", value = "unreachable")} points it at a port nobody listens
 * on instead of the broker.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private String database;
    private boolean kafkaUnreachable;
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        String prefix = initArgs.getOrDefault("database", "certboard");
        database = prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8);
        kafkaUnreachable = "unreachable".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        postgres = TestPostgres.server();
        postgres.createDatabaseIfMissing(database);
        Map<String, String> config = new HashMap<>(postgres.datasourceConfig(database));
        // "kafka" = "unreachable" gives a broker address nobody listens on, to test the service with Kafka down
        config.put("kafka.bootstrap.servers",
                kafkaUnreachable ? "127.0.0.1:" + org.certboard.devstack.Ports.free() : TestKafka.bootstrapServers());
        config.putAll(TestTokens.serviceConfig());
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.dropDatabase(database);
        }
    }
}
