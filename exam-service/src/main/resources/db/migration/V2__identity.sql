-- Who each candidate is at the board's OpenID provider, learnt from CandidateRegistered (v2 carries the token
-- subject): a candidate's token reaches only their own bookings and attempts through it.
create table candidate_account (
    candidate_id uuid primary key,
    subject text not null unique
);

-- The vendor account or staff member who recorded each result (a no-show: the staff member).
alter table exam_result add column recorded_by_subject text;
alter table exam_result add column recorded_by_role text;
