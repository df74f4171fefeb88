-- Optimistic concurrency (If-Match): the version a strong ETag names. Hibernate bumps it with every change of the row
-- (@Version), so a command sent with the ETag of an older read is refused (412) instead of overwriting the change.
alter table candidate add column version bigint not null default 0;
alter table application add column version bigint not null default 0;
