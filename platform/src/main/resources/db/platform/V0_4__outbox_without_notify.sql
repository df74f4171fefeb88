-- The relay polls instead of being woken by NOTIFY on every commit (issue 16). A transaction that has called
-- pg_notify takes PostgreSQL's notification-queue lock at commit and holds it until its WAL is flushed, so every
-- writing transaction of the service committed one after the other, each with a flush of its own (no group commit):
-- measured on this machine, 16 clients inserting one row each committed 180-400 times a second with the trigger and
-- 1,800-2,000 without. A short poll (certboard.outbox.poll-interval) gathers what was committed in between into one
-- batch instead.
drop trigger outbox_event_notify on outbox_event;
drop function outbox_event_notify();
