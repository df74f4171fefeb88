-- Issue 21. An account's email is its own: a candidate's address is the one the provider verified for their account
-- (email_verified). Profiles bound before this rule carry whatever address was typed: unconfirmed until the person's
-- next request, when the profile takes the account's verified address (and until then listed for staff).
alter table candidate add column email_verified boolean not null default false;
-- A paper applicant's profile claimed by the account whose verified address it carries.
alter table candidate add column claimed_at timestamptz;
-- From when the board relies on the legal name (an application decided, or a certification held): after that a
-- candidate changes it only through a name-change request staff decide.
alter table candidate add column name_fixed_since timestamptz;

-- Uniqueness binds the addresses the board vouches for: a verified one, or the one staff gave a paper applicant. An
-- address someone typed before the rule (bound, unconfirmed) no longer blocks the address's real owner.
drop index candidate_email;
create unique index candidate_email on candidate (lower(email)) where email_verified or subject is null;
create index candidate_email_any on candidate (lower(email));

update candidate c set name_fixed_since = d.first_decided
from (select candidate_id, min(decided_at) as first_decided from application
      where status in ('APPROVED', 'DENIED', 'WITHDRAWN') and decided_at is not null group by candidate_id) d
where d.candidate_id = c.id;
update candidate c set name_fixed_since = least(coalesce(c.name_fixed_since, t.first_certified), t.first_certified)
from (select candidate_id, min(occurred_at) as first_certified from timeline_entry where step = 'CERTIFIED'
      group by candidate_id) t
where t.candidate_id = c.id;

-- A change of legal name: a candidate's request (PENDING until staff accept or reject it) or a staff correction
-- (ACCEPTED at once). Both names are kept: the record says what changed.
create table name_change (
    id                    uuid primary key,
    candidate_id          uuid not null references candidate (id),
    status                text not null,
    correction            boolean not null,
    given_name            text not null,
    family_name           text not null,
    previous_given_name   text not null,
    previous_family_name  text not null,
    reason                text not null,
    document_reference    text,
    requested_at          timestamptz not null,
    requested_by_subject  text not null,
    requested_by_role     text not null,
    decided_at            timestamptz,
    decided_by_subject    text,
    decided_by_role       text,
    decision_note         text,
    version               bigint not null default 0
);
create index name_change_candidate on name_change (candidate_id, requested_at desc);
create index name_change_pending on name_change (requested_at) where status = 'PENDING';
-- One open request per candidate: a second waits for the first to be decided.
create unique index name_change_open on name_change (candidate_id) where status = 'PENDING';

-- What staff should look at about identities (GET /identity-review): profiles bound before the rule whose address
-- their account has not confirmed yet (EMAIL_NOT_CONFIRMED: removed when the profile takes the account's verified
-- address on the person's next request), paper profiles claimed by an account (PROFILE_CLAIMED), and names changed
-- after the board relied on them, before such changes went through staff (NAME_CHANGED_AFTER_DECISION: a NAME_CHANGED
-- step on the timeline after the name became fixed; the events of the time do not say whether the person or staff
-- changed it).
create table identity_finding (
    id            uuid primary key,
    candidate_id  uuid not null references candidate (id),
    kind          text not null,
    at            timestamptz not null,
    detail        text not null
);
create unique index identity_finding_once on identity_finding (candidate_id, kind, at);
create index identity_finding_at on identity_finding (at, id);
insert into identity_finding (id, candidate_id, kind, at, detail)
select gen_random_uuid(), id, 'EMAIL_NOT_CONFIRMED', now(),
       'registered before addresses were checked: the account has not confirmed this address yet'
from candidate where subject is not null;
insert into identity_finding (id, candidate_id, kind, at, detail)
select gen_random_uuid(), t.candidate_id, 'NAME_CHANGED_AFTER_DECISION', t.occurred_at,
       'name changed after the board relied on it, before name changes went through staff'
from timeline_entry t join candidate c on c.id = t.candidate_id
where t.step = 'NAME_CHANGED' and c.name_fixed_since is not null and t.occurred_at > c.name_fixed_since
on conflict do nothing;
