-- The renewal's version for optimistic concurrency: its ETag, which an audit decision must send back as If-Match, so
-- two staff members cannot silently decide the same audit one over the other.
alter table renewal add column version bigint not null default 0;
