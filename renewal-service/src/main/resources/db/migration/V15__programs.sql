-- Credential programs (issue 23, docs/programs.md): every certification belongs to one; those issued before programs
-- existed are CCM's, the one program certboard ran.
alter table certification add column program text not null default 'CCM';
alter table certification alter column program drop default;

-- A person holds at most one live certification in each program: a CCM and an ACM side by side.
drop index certification_one_live;
create unique index certification_one_live on certification (candidate_id, program) where status <> 'LAPSED';

-- The CE categories a credit counts toward (codes of its certification's program). The ethics column stays, true
-- exactly when the categories hold ethics, so replicas of the previous version read the credits during a rollout.
alter table ce_credit add column categories text[] not null default '{}';
update ce_credit set categories = '{ethics}' where ethics;
