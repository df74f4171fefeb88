-- Credential programs (issue 23, docs/programs.md): a candidate applies to a program. Every application written
-- before programs existed was an application to CCM, the one program the board ran then.
alter table application add column program text not null default 'CCM';
alter table application alter column program drop default;
-- The open-application rule is now per program: at most one application under review per candidate and program
-- (the service checks the rest, an approval that still authorises, in Java under the candidate row lock).
drop index application_under_review;
create unique index application_under_review on application (candidate_id, program) where status = 'UNDER_REVIEW';
