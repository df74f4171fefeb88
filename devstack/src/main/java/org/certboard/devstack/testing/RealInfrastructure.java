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
 * application start.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private String database;
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        String prefix = initArgs.getOrDefault("database", "certboard");
        database = prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public Map<String, String> start() {
        postgres = TestPostgres.server();
        postgres.createDatabaseIfMissing(database);
        Map<String, String> config = new HashMap<>(postgres.datasourceConfig(database));
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
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
