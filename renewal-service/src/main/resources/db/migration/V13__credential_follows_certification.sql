-- Issue 21: one credential speaks for a certification at a time. A renewal, a reactivation or a name change issues
-- a credential that supersedes the one in force; the superseded one stays true for the period it states and carries
-- no status bit. A revocation's public category is kept apart from staff's own words.
alter table credential add column revoked_category text;
update credential set revoked_category = 'WITHDRAWN_BY_BOARD' where revoked_at is not null;
alter table credential add constraint credential_revoked_category
    check ((revoked_at is null) = (revoked_category is null));

-- Before 1.3 a renewal issued the next cycle's credential beside the one in force: the newest now supersedes the
-- older ones still in force, as a renewal does from now on.
with ranked as (
    select id, certification_id,
           first_value(id) over (partition by certification_id order by issued_at desc, valid_from desc) as newest
    from credential
    where superseded_by is null and revoked_at is null)
update credential c
set superseded_by = r.newest, superseded_reason = 'renewed until ' || n.valid_until
from ranked r join credential n on n.id = r.newest
where c.id = r.id and r.id <> r.newest;

-- Such a newest credential was valid only from the old expiry; not yet signed, it now states the renewal's day (its
-- issue date, in UTC: at worst a day later than the board's date, while the superseded one still covers that day).
update credential
set valid_from = (issued_at at time zone 'UTC')::date
where jwt is null and superseded_by is null and revoked_at is null and valid_from > (issued_at at time zone 'UTC')::date
  and id in (select superseded_by from credential where superseded_by is not null);

comment on column credential.superseded_reason is 'why a newer credential supersedes this one: renewed, reactivated, name changed';
comment on column credential.revoked_reason is 'staff''s note on a revocation: internal, never shown to a verifier';
