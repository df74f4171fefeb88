-- Who each candidate is at the board's OpenID provider, learnt from CandidateRegistered (v2 carries the token
-- subject): a candidate's token reaches only their own certifications through it.
alter table candidate add column subject text;
create unique index candidate_subject on candidate (subject);

-- The staff member behind each decision: a retirement they recorded, an audit they decided.
alter table certification add column retired_by_subject text;
alter table certification add column retired_by_role text;
alter table renewal add column audited_by_subject text;
alter table renewal add column audited_by_role text;
