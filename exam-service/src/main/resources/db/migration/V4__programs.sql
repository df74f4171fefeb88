-- Credential programs (issue 23, docs/programs.md): a window belongs to a program and its sittings, bookings and
-- results to the same one; an authorisation is held per candidate and program. Everything before was CCM's, the one
-- program certboard ran. The default stays, as the events' rule does (no program: CCM), for rows written by tools
-- that predate programs (the benchmarks' seeding); the service itself names the program of every row it writes.
alter table exam_window add column program text not null default 'CCM';
alter table sitting add column program text not null default 'CCM';
alter table exam_result add column program text not null default 'CCM';

alter table authorisation add column program text not null default 'CCM';
alter table authorisation drop constraint authorisation_pkey;
alter table authorisation add primary key (candidate_id, program);

-- One active booking per candidate and program: a person authorised for two programs may hold a seat in each.
alter table booking add column program text not null default 'CCM';
drop index booking_one_active_per_candidate;
create unique index booking_one_active_per_candidate_program on booking (candidate_id, program)
    where status = 'BOOKED';
