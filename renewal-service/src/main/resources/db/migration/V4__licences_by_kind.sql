-- Renewal requires a current licence of the kind eligibility rested on (issue 11): every licence is kept with its
-- type and whether it allows independent practice, and the basis keeps the licence type EligibilityDecided names.
alter table candidate add column licence_type text;
create table candidate_licence (
    licence_id           uuid primary key,
    candidate_id         uuid not null,
    type                 text not null,
    independent_practice boolean not null,
    expires_on           date not null
);
create index candidate_licence_candidate on candidate_licence (candidate_id);
