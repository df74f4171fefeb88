package org.certboard.candidate.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.persistence.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The webhook_subscription and webhook_authorisation tables, through the reactive SQL client: this package keeps no
 * Hibernate entities, so the sender can run on the event loop without a session. Methods taking a {@link SqlClient}
 * run in the caller's transaction.
 */
@ApplicationScoped
public class SubscriptionRepository {
    private static final String COLUMNS = "id, name, url, scope, provider_id, event_types, secret, previous_secret, "
            + "previous_secret_until, paused, created_at";

    private final Pool pool;

    public SubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(Subscription s) {
        return pool.preparedQuery("insert into webhook_subscription (" + COLUMNS
                + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(Arrays.asList(s.id(), s.name(), s.url(), s.scope().name(), s.providerId(),
                        s.eventTypes().toArray(String[]::new), s.secret(), s.previousSecret(),
                        at(s.previousSecretUntil()), s.paused(), at(s.createdAt()))))
                .replaceWithVoid();
    }

    /** Null when there is none. */
    public Uni<Subscription> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_subscription where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? subscription(rows.iterator().next()) : null);
    }

    public Uni<List<Subscription>> page(long offset, int size) {
        return pool.preparedQuery("select " + COLUMNS
                + " from webhook_subscription order by created_at, id offset $1 limit $2")
                .execute(Tuple.of(offset, size))
                .map(rows -> rows.stream().map(SubscriptionRepository::subscription).toList());
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from webhook_subscription").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Writes every changeable field of {@code s}; false when it no longer exists. */
    public Uni<Boolean> update(Subscription s) {
        return pool.preparedQuery("""
                update webhook_subscription set url = $2, event_types = $3, secret = $4, previous_secret = $5,
                    previous_secret_until = $6, paused = $7
                where id = $1""")
                .execute(Tuple.from(Arrays.asList(s.id(), s.url(), s.eventTypes().toArray(String[]::new),
                        s.secret(), s.previousSecret(), at(s.previousSecretUntil()), s.paused())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Deliveries and authorisations go with it. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("delete from webhook_subscription where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Idempotent: authorising twice keeps the first date. */
    public Uni<Void> authorise(UUID subscriptionId, UUID candidateId, Instant at) {
        return pool.preparedQuery("""
                insert into webhook_authorisation (subscription_id, candidate_id, authorised_at) values ($1, $2, $3)
                on conflict do nothing""")
                .execute(Tuple.of(subscriptionId, candidateId, at(at))).replaceWithVoid();
    }

    /**
     * Ends the authorisation and drops what was recorded for it but not yet sent, in one transaction: after a
     * withdrawal the partner receives nothing more about the person.
     */
    public Uni<Void> withdraw(UUID subscriptionId, UUID candidateId) {
        return pool.withTransaction(client -> client.preparedQuery(
                "delete from webhook_authorisation where subscription_id = $1 and candidate_id = $2")
                .execute(Tuple.of(subscriptionId, candidateId))
                .chain(() -> client.preparedQuery("""
                        delete from webhook_delivery
                        where subscription_id = $1 and candidate_id = $2 and status <> 'DELIVERED'""")
                        .execute(Tuple.of(subscriptionId, candidateId))))
                .replaceWithVoid();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Subscription subscription(Row row) {
        return new Subscription(row.getUUID("id"), row.getString("name"), row.getString("url"),
                Scope.valueOf(row.getString("scope")), row.getString("provider_id"),
                List.of(row.getArrayOfStrings("event_types")),
                row.getString("secret"), row.getString("previous_secret"), Rows.instant(row, "previous_secret_until"),
                row.getBoolean("paused"), Rows.instant(row, "created_at"));
    }
}
