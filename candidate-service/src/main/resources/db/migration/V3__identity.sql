-- A person's profile is bound to their identity at the board's OpenID provider (the token subject): one profile per
-- subject. A paper applicant registered by staff has no subject; the staff member who registered them is recorded.
alter table candidate add column subject text;
create unique index candidate_subject on candidate (subject);
alter table candidate add column registered_by_subject text;
alter table candidate add column registered_by_role text;

-- Who submitted (the candidate, or staff for a paper application) and who made the latest staff decision.
alter table application add column submitted_by_subject text;
alter table application add column submitted_by_role text;
alter table application add column decided_by_subject text;
alter table application add column decided_by_role text;
