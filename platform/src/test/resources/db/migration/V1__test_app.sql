-- A minimal app to exercise the platform: a registration announces itself through the outbox and a consumer of the
-- candidate topic records what it received (several rows per event id would reveal a duplicate effect).
create table test_registration (
    id    uuid primary key,
    email text not null unique
);
create table test_received (
    seq          bigserial primary key,
    event_id     uuid not null,
    candidate_id uuid not null
);
