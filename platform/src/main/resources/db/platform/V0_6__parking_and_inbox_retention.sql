-- Dead-letter parking and processed_event retention (platform). See docs/architecture.md, "Dead letters and parked keys".

-- The relay parks a record Kafka will never accept (too large, invalid topic): it stays unpublished with its reason,
-- and later rows of the same key wait behind it until the operator re-sends or discards it.
alter table outbox_event add column parked_at timestamptz, add column park_reason text;
create index outbox_event_parked on outbox_event (event_key, seq) where parked_at is not null and published_at is null;

-- A consumer parks an event it dead-lettered (dead_letter) and every later event of the same topic and key
-- (waiting), in arrival order, until the operator re-publishes or discards the dead letter. republished marks rows
-- sent back to their topic through this service's outbox and not yet applied.
create table parked_event (
    seq         bigserial primary key,
    topic       text not null,
    event_key   text not null,
    event_id    uuid not null unique,
    type        text not null,
    source      text not null,
    subject     text not null,
    occurred_at timestamptz not null,
    payload     text not null,
    dead_letter boolean not null,
    reason      text,
    republished boolean not null default false,
    parked_at   timestamptz not null default clock_timestamp()
);
create index parked_event_key on parked_event (topic, event_key, seq);

-- Retention of processed_event by wall time (processed_at is board time, which a sandbox moves ahead).
alter table processed_event add column recorded_at timestamptz not null default clock_timestamp();
create index processed_event_recorded on processed_event (recorded_at);
