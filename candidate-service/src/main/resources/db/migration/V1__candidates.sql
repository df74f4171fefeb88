-- Candidates and the evidence their eligibility is decided on. Evidence rows refer to their candidate by id only:
-- the service reads them with explicit queries rather than through mapped associations.
create table candidate (
    id            uuid primary key,
    given_name    text not null,
    family_name   text not null,
    email         text not null,
    date_of_birth date not null,
    registered_at timestamptz not null,
    updated_at    timestamptz not null
);
-- One profile per person: the same address in another letter case is the same address.
create unique index candidate_email on candidate (lower(email));
create index candidate_family_name on candidate (lower(family_name), lower(given_name));

create table licence (
    id                   uuid primary key,
    candidate_id         uuid not null references candidate (id),
    type                 text not null,
    number               text not null,
    jurisdiction         text not null,
    issued_on            date,
    expires_on           date not null,
    independent_practice boolean not null,
    recorded_at          timestamptz not null
);
create index licence_candidate on licence (candidate_id);

create table degree (
    id                          uuid primary key,
    candidate_id                uuid not null references candidate (id),
    level                       text not null,
    field                       text not null,
    institution                 text not null,
    awarded_on                  date not null,
    supervised_field_experience boolean not null,
    recorded_at                 timestamptz not null
);
create index degree_candidate on degree (candidate_id);

create table experience (
    id                                   uuid primary key,
    candidate_id                         uuid not null references candidate (id),
    employer                             text not null,
    role                                 text not null,
    start_date                           date not null,
    end_date                             date,
    hours_per_week                       numeric(4, 2) not null,
    supervised_by_certified_case_manager boolean not null,
    self_employed                        boolean not null,
    recorded_at                          timestamptz not null,
    check (end_date is null or end_date > start_date),
    check (hours_per_week between 1 and 80)
);
create index experience_candidate on experience (candidate_id);

-- An application keeps the checks of its decision (JSON) as they were when decided: later evidence does not rewrite
-- the reasons of an earlier decision.
create table application (
    id                uuid primary key,
    candidate_id      uuid not null references candidate (id),
    status            text not null,
    pathway           text,
    attestation       boolean not null,
    submitted_on      date not null,
    submitted_at      timestamptz not null,
    authorised_until  date,
    checks            text not null,
    decided_at        timestamptz,
    decision_reason   text
);
create index application_candidate on application (candidate_id, submitted_at desc);
-- At most one application that is pending or authorises the candidate, even under concurrent submissions.
create unique index application_open on application (candidate_id) where status in ('UNDER_REVIEW', 'APPROVED');
