-- Shared by every service (platform module). Versions below 1 so that each service's own migrations follow.

-- Transactional outbox: rows are written in the same transaction as the change they announce; the relay publishes
-- them in seq order and marks them published only after Kafka acknowledged them.
create table outbox_event (
    id           uuid primary key,
    seq          bigserial not null unique,
    topic        text not null,
    event_key    text not null,
    type         text not null,
    source       text not null,
    subject      text not null,
    occurred_at  timestamptz not null,
    payload      text not null,
    created_at   timestamptz not null default clock_timestamp(), -- wall time, for the relay's lag metric
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Wakes the relay when a transaction that wrote outbox rows commits (NOTIFY is delivered on commit).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;
create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Idempotent consumers: an event id is recorded in the same transaction as its effect; a repeat finds it here.
create table processed_event (
    event_id     uuid primary key,
    type         text not null,
    source       text not null,
    processed_at timestamptz not null
);
