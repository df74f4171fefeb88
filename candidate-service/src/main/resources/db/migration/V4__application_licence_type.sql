-- The type of the licence a licence-based pathway rests on, announced in EligibilityDecided.licenceType so that
-- renewal can require a current licence of that kind. Null for degree-based and for applications decided before.
alter table application add column licence_type text;
