-- Webhook subscriptions of partners without Kafka, their deliveries and every attempt (docs/integrations.md).
-- Versioned 7.1 so that the mail part of issue 24, written at the same time, can take 7 without a clash.

create table webhook_subscription (
    id                   uuid primary key,
    name                 text not null,
    url                  text not null,
    scope                text not null,
    event_types          text[] not null,
    -- AES-GCM ciphertexts (key: certboard.webhooks.secret-key), so a database dump alone does not sign anything
    secret               text not null,
    previous_secret      text,
    previous_secret_until timestamptz,
    paused               boolean not null default false,
    created_at           timestamptz not null
);

-- An employer subscription receives a person's events only while that person authorises it.
create table webhook_authorisation (
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    candidate_id    uuid not null references candidate (id),
    authorised_at   timestamptz not null,
    primary key (subscription_id, candidate_id)
);

-- One row per (subscription, event): the consumer inserts it in its transaction, a redelivery finds it.
-- status PENDING -> DELIVERED, or PARKED after the retry schedule; a replay sets PENDING again.
create table webhook_delivery (
    id              uuid primary key,
    seq             bigserial not null unique,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    event_id        uuid not null,
    topic           text not null,
    candidate_id    uuid not null,
    event_type      text not null,
    body            text not null,
    status          text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    -- wall time until which one sender owns the row (a replica that died lets go when it passes)
    claimed_until   timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);
-- the head of each (subscription, topic, candidate) queue
create index webhook_delivery_pending on webhook_delivery (subscription_id, topic, candidate_id, seq)
    where status = 'PENDING';
create index webhook_delivery_listed on webhook_delivery (subscription_id, seq);

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  uuid not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    outcome      text not null,
    status_code  int,
    latency_ms   bigint not null,
    excerpt      text
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
