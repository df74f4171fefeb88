-- exam-service schema. Capacity and "one active booking per candidate" are enforced here, not in Java, so that no
-- interleaving of concurrent requests can break them.

-- Who may book until when, projected from EligibilityDecided; decided_at lets an older decision be ignored.
create table authorisation (
    candidate_id     uuid primary key,
    application_id   uuid not null,
    status           text not null,
    authorised_until date,
    decided_at       timestamptz not null
);

create table exam_window (
    id        uuid primary key,
    name      text not null,
    opens_on  date not null,
    closes_on date not null,
    pass_mark integer, -- the exam form's pass mark when it differs from the board default
    constraint window_dates check (closes_on >= opens_on)
);
create index exam_window_opens_on on exam_window (opens_on);

create table sitting (
    id           uuid primary key,
    window_id    uuid not null references exam_window (id),
    site         text not null,
    starts_at    timestamptz not null,
    capacity     integer not null,
    seats_booked integer not null default 0,
    constraint sitting_capacity check (capacity > 0 and seats_booked >= 0 and seats_booked <= capacity)
);
create index sitting_window on sitting (window_id, starts_at);

-- status: BOOKED (active), CANCELLED, COMPLETED (a result or no-show was recorded).
create table booking (
    id             uuid primary key,
    candidate_id   uuid not null,
    sitting_id     uuid not null references sitting (id),
    application_id uuid not null, -- the authorisation period the booking was made in, for the attempt limit
    status         text not null,
    deferred       boolean not null default false,
    booked_at      timestamptz not null
);
create unique index booking_one_active_per_candidate on booking (candidate_id) where status = 'BOOKED';
create index booking_candidate on booking (candidate_id);
create index booking_sitting on booking (sitting_id);

-- One result per booking; a no-show is a failed attempt without a score.
create table exam_result (
    id           uuid primary key,
    booking_id   uuid not null unique references booking (id),
    candidate_id uuid not null,
    scaled_score integer,
    passed       boolean not null,
    no_show      boolean not null,
    exam_date    date not null,
    recorded_at  timestamptz not null,
    constraint result_score check (no_show = (scaled_score is null))
);
create index exam_result_candidate on exam_result (candidate_id);
