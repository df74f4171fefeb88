package org.certboard.candidate.webhook;

import static org.certboard.candidate.persistence.Rows.instant;
import static org.certboard.candidate.webhook.SubscriptionRepository.at;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The webhook_delivery and webhook_attempt tables. Times are board time except the claim (wall time). */
@ApplicationScoped
public class DeliveryRepository {
    private static final String COLUMNS = "id, subscription_id, event_id, topic, candidate_id, event_type, status, "
            + "attempts, next_attempt_at, created_at, delivered_at";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** An event as the consumer hands it over; {@code ceProviderId} from {@link Scope#ceProviderOf}. */
    record Arrived(UUID eventId, String topic, UUID candidateId, String type, String body, String ceProviderId) {
    }

    /**
     * With one statement whatever the number of events, in the caller's transaction, for each event one PENDING
     * delivery per subscription that may receive it: its type subscribed, and in scope (BOARD; EMPLOYER with the
     * person's authorisation; CE_PROVIDER when the event belongs to that provider). Rows are numbered in the events'
     * order, which the sender keeps per subscription and person. A redelivered event finds its rows and adds none.
     * Returns how many were added.
     */
    public Uni<Integer> record(List<Arrived> events, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, event_id, topic, candidate_id, event_type, body,
                    status, next_attempt_at, created_at)
                select gen_random_uuid(), s.id, e.event_id, e.topic, e.candidate_id, e.event_type, e.body, 'PENDING',
                    cast(:now as timestamptz), cast(:now as timestamptz)
                from unnest(cast(:ids as uuid[]), cast(:topics as text[]), cast(:candidates as uuid[]),
                        cast(:types as text[]), cast(:bodies as text[]), cast(:providers as text[]))
                        with ordinality as e (event_id, topic, candidate_id, event_type, body, provider_id, position)
                    join webhook_subscription s on e.event_type = any (s.event_types)
                        and (s.scope = 'BOARD'
                            or s.scope = 'EMPLOYER' and exists (select 1 from webhook_authorisation a
                                where a.subscription_id = s.id and a.candidate_id = e.candidate_id)
                            or s.scope = 'CE_PROVIDER' and s.provider_id = e.provider_id)
                order by e.position
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter("ids", events.stream().map(Arrived::eventId).toArray(UUID[]::new))
                .setParameter("topics", events.stream().map(Arrived::topic).toArray(String[]::new))
                .setParameter("candidates", events.stream().map(Arrived::candidateId).toArray(UUID[]::new))
                .setParameter("types", events.stream().map(Arrived::type).toArray(String[]::new))
                .setParameter("bodies", events.stream().map(Arrived::body).toArray(String[]::new))
                .setParameter("providers", events.stream().map(Arrived::ceProviderId).toArray(String[]::new))
                .setParameter("now", now)
                .executeUpdate());
    }

    /**
     * Claims due deliveries of the subscriptions that are not paused, up to {@code perSubscription} in flight each
     * ({@code busy} counts those this sender already has, by subscription), only the first PENDING one of each
     * (subscription, topic, candidate) so that a person's events arrive in order, and none that another sender holds.
     * The claim lasts {@code leaseSeconds} of wall time.
     */
    public Uni<List<Due>> claim(Instant now, Map<UUID, Integer> busy, int perSubscription, long leaseSeconds) {
        return pool.preparedQuery("""
                with heads as (
                    select d.id, row_number() over (partition by d.subscription_id order by d.seq) as n,
                        coalesce(b.n, 0) as busy
                    from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                        left join unnest($2::uuid[], $5::int[]) as b (subscription_id, n)
                            on b.subscription_id = d.subscription_id
                    where d.status = 'PENDING' and not s.paused and d.next_attempt_at <= $1
                      and (d.claimed_until is null or d.claimed_until < clock_timestamp())
                      and not exists (select 1 from webhook_delivery e where e.status = 'PENDING'
                          and e.subscription_id = d.subscription_id and e.topic = d.topic
                          and e.candidate_id = d.candidate_id and e.seq < d.seq))
                update webhook_delivery d set claimed_until = clock_timestamp() + make_interval(secs => $4)
                from heads h, webhook_subscription s
                where d.id = h.id and h.n + h.busy <= $3 and s.id = d.subscription_id
                returning d.id, d.subscription_id, s.url, s.secret, s.previous_secret,
                    coalesce(s.previous_secret_until > $1, false) as previous_valid, d.body, d.attempts""")
                .execute(Tuple.of(at(now), busy.keySet().toArray(UUID[]::new), perSubscription, (double) leaseSeconds,
                        busy.values().toArray(Integer[]::new)))
                .map(rows -> {
                    List<Due> due = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        due.add(new Due(row.getUUID("id"), row.getUUID("subscription_id"), row.getString("url"),
                                row.getString("secret"), row.getString("previous_secret"),
                                row.getBoolean("previous_valid"), row.getString("body"), row.getInteger("attempts")));
                    }
                    return due;
                });
    }

    /**
     * Records the attempt and the delivery's next state in one transaction: DELIVERED, PENDING again at
     * {@code retryAt}, or PARKED when {@code retryAt} is null. Nothing when the delivery went meanwhile (its
     * subscription deleted, a withdrawal).
     */
    public Uni<Void> attempted(UUID deliveryId, Attempt attempt, boolean delivered, Instant retryAt) {
        String status = delivered ? "DELIVERED" : retryAt == null ? "PARKED" : "PENDING";
        return pool.withTransaction(tx -> tx.preparedQuery("""
                update webhook_delivery set status = $2, attempts = attempts + 1, claimed_until = null,
                    next_attempt_at = coalesce($3, next_attempt_at),
                    delivered_at = case when $2 = 'DELIVERED' then $4 else delivered_at end
                where id = $1""")
                .execute(Tuple.of(deliveryId, status, at(retryAt), at(attempt.attemptedAt())))
                .chain(updated -> updated.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("""
                                insert into webhook_attempt (delivery_id, attempted_at, outcome, status_code,
                                    latency_ms, excerpt) values ($1, $2, $3, $4, $5, $6)""")
                                .execute(Tuple.from(Arrays.asList(deliveryId, at(attempt.attemptedAt()),
                                        attempt.outcome(), attempt.statusCode(), attempt.latencyMs(),
                                        attempt.excerpt())))
                                .replaceWithVoid()));
    }

    /** Sends it again from the start of the schedule (a parked delivery, or one delivered long ago). */
    public Uni<Boolean> replay(UUID deliveryId, Instant now) {
        return pool.preparedQuery("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = $2,
                    claimed_until = null
                where id = $1 and status <> 'PENDING'""")
                .execute(Tuple.of(deliveryId, at(now))).map(rows -> rows.rowCount() == 1);
    }

    /** Null when there is none. */
    public Uni<Delivery> find(UUID deliveryId) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_delivery where id = $1")
                .execute(Tuple.of(deliveryId))
                .map(rows -> rows.iterator().hasNext() ? delivery(rows.iterator().next()) : null);
    }

    /** A subscription's deliveries, newest first, optionally of one status. */
    public Uni<List<Delivery>> page(UUID subscriptionId, DeliveryStatus status, long offset, int size) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_delivery where subscription_id = $1"
                + " and ($2::text is null or status = $2) order by seq desc offset $3 limit $4")
                .execute(Tuple.of(subscriptionId, status == null ? null : status.name(), offset, size))
                .map(rows -> rows.stream().map(DeliveryRepository::delivery).toList());
    }

    public Uni<Long> count(UUID subscriptionId, DeliveryStatus status) {
        return pool.preparedQuery("select count(*) from webhook_delivery where subscription_id = $1"
                + " and ($2::text is null or status = $2)")
                .execute(Tuple.of(subscriptionId, status == null ? null : status.name()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Oldest first. */
    public Uni<List<Attempt>> attempts(UUID deliveryId) {
        return pool.preparedQuery("select attempted_at, outcome, status_code, latency_ms, excerpt"
                + " from webhook_attempt where delivery_id = $1 order by id")
                .execute(Tuple.of(deliveryId))
                .map(rows -> rows.stream().map(row -> new Attempt(instant(row, "attempted_at"),
                        row.getString("outcome"), row.getInteger("status_code"), row.getLong("latency_ms"),
                        row.getString("excerpt"))).toList());
    }

    /** For the metrics: parked deliveries, and subscriptions whose oldest pending delivery has failed at least once. */
    public Uni<long[]> parkedAndFailing() {
        return pool.query("""
                select (select count(*) from webhook_delivery where status = 'PARKED'),
                       (select count(distinct subscription_id) from webhook_delivery
                        where status = 'PENDING' and attempts > 0)""").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[] { row.getLong(0), row.getLong(1) };
                });
    }

    private static Delivery delivery(Row row) {
        return new Delivery(row.getUUID("id"), row.getUUID("subscription_id"), row.getUUID("event_id"),
                row.getString("topic"), row.getUUID("candidate_id"), row.getString("event_type"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                instant(row, "next_attempt_at"), instant(row, "created_at"), instant(row, "delivered_at"));
    }
}
