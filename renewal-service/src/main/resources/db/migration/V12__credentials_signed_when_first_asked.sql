-- A credential is recorded with its certification and signed when it is first asked for (issue 16: signing every
-- credential of a bulk import in the consumer's transaction was a third of renewal-service's CPU). Until then it has
-- no JWT and no key.
alter table credential alter column jwt drop not null;
alter table credential alter column key_id drop not null;
