-- An approval blocks a new application only while its authorisation runs (authorised_until on or after the board's
-- today), and that cannot be expressed in an index. The service serialises one candidate's submissions with the
-- candidate row lock and checks the rule in Java; the index keeps what must hold at all times: at most one
-- application under review per candidate.
drop index application_open;
create unique index application_under_review on application (candidate_id) where status = 'UNDER_REVIEW';
