-- Certification numbers: CCM-<exam year>-<this sequence, 6 digits>. A sequence never hands out a number twice, even
-- across replicas and rolled-back transactions (gaps are fine, duplicates are not).
create sequence certification_number_seq;

create table certification (
    id                 uuid primary key,
    number             text not null unique,
    candidate_id       uuid not null,
    status             text not null check (status in ('ACTIVE', 'EXPIRED', 'LAPSED', 'RETIRED')),
    first_certified_on date not null,
    cycle_started_on   date not null,
    expires_on         date not null,
    retired_on         date,
    -- board date of the next reminder or status change the clock job owes this certification; null when none
    next_due_on        date
);
create index certification_candidate on certification (candidate_id);
create index certification_due on certification (next_due_on) where next_due_on is not null;
-- a person holds at most one certification that is not lapsed: a lapse is what allows a new one
create unique index certification_one_live on certification (candidate_id) where status <> 'LAPSED';

-- Each passed exam (by booking) is applied once, whatever event id it arrives under.
create table applied_exam (
    booking_id       uuid primary key,
    certification_id uuid references certification (id),
    outcome          text not null,
    applied_at       timestamptz not null
);

-- Written in the same transaction as the RenewalReminderDue outbox row: the primary key is what makes a reminder
-- exactly-once per cycle even when several replicas run the clock job.
create table reminder_sent (
    certification_id uuid not null references certification (id),
    cycle_started_on date not null,
    days_before      int not null,
    due_on           date not null,
    sent_at          timestamptz not null,
    primary key (certification_id, cycle_started_on, days_before)
);

create table ce_credit (
    id               uuid primary key,
    certification_id uuid not null references certification (id),
    title            text not null,
    provider         text not null,
    hours            numeric(5, 2) not null check (hours > 0),
    ethics           boolean not null,
    completed_on     date not null,
    recorded_at      timestamptz not null
);
create index ce_credit_certification on ce_credit (certification_id, completed_on);

create table renewal (
    id                        uuid primary key,
    certification_id          uuid not null references certification (id),
    method                    text not null check (method in ('CE', 'EXAM')),
    status                    text not null check (status in ('RENEWED', 'PENDING_AUDIT', 'REJECTED')),
    late                      boolean not null,
    submitted_on              date not null,
    previous_cycle_started_on date not null,
    cycle_started_on          date not null,
    expires_on                date not null,
    audit_reason              text,
    submitted_at              timestamptz not null,
    decided_at                timestamptz
);
create index renewal_certification on renewal (certification_id);
create unique index renewal_one_pending_audit on renewal (certification_id) where status = 'PENDING_AUDIT';

-- Local projection of candidate events: the name for verification, the licence basis for renewal.
create table candidate (
    candidate_id        uuid primary key,
    given_name          text,
    family_name         text,
    name_changed_at     timestamptz,
    licence_based       boolean not null default false,
    eligibility_decided_at timestamptz,
    licence_expires_on  date
);
