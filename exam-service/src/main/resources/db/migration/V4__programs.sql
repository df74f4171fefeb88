-- Credential programs (issue 23, docs/programs.md): a window belongs to a program and its sittings, bookings and
-- results to the same one; an authorisation is held per candidate and program. Everything before was CCM's, the one
-- program certboard ran. No default stays behind: the service names the program of every row it writes.
alter table exam_window add column program text not null default 'CCM';
alter table exam_window alter column program drop default;

alter table sitting add column program text not null default 'CCM';
alter table sitting alter column program drop default;

alter table authorisation add column program text not null default 'CCM';
alter table authorisation alter column program drop default;
alter table authorisation drop constraint authorisation_pkey;
alter table authorisation add primary key (candidate_id, program);

-- One active booking per candidate and program: a person authorised for two programs may hold a seat in each.
alter table booking add column program text not null default 'CCM';
alter table booking alter column program drop default;
drop index booking_one_active_per_candidate;
create unique index booking_one_active_per_candidate_program on booking (candidate_id, program)
    where status = 'BOOKED';

alter table exam_result add column program text not null default 'CCM';
alter table exam_result alter column program drop default;
