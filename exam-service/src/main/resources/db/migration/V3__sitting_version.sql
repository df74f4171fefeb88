-- The sitting's version, its ETag: a capacity change must name the version it was decided on (If-Match), so two
-- staff members cannot silently overwrite each other. Every change of the row (capacity or seats) moves it on.
alter table sitting add column version bigint not null default 0;
