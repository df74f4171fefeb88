-- The candidate's timeline: one row per step of a person, built from the events of all three services
-- (TimelineProjection), never by calling them. An event yields one step, or two (a result: sat, then result), and
-- each row depends on its own event alone (Timeline relates them when reading), so a replay in any order stores the
-- same rows; (event_id, step) makes a redelivery write nothing twice.
create table timeline_entry (
    event_id      uuid not null,
    step          text not null,
    candidate_id  uuid not null,
    occurred_at   timestamptz not null, -- the step's business time: what the timeline is ordered by
    recorded_at   timestamptz not null, -- the event's ce_time: breaks ties among steps of the same instant
    service       text not null,
    ref           text,                 -- what the step is about (booking, application, certification number)
    actor_subject text,
    actor_role    text,
    detail        text not null,        -- JSON: the least the step needs to be told
    primary key (event_id, step)
);
create index timeline_entry_candidate on timeline_entry (candidate_id);
