-- The sandbox's board clock offset, so that a restart keeps the clock where the data already is (forward-only holds
-- across restarts). One row; production never writes it (the offset there is always zero).
create table board_clock (
    id        boolean primary key default true check (id),
    offset_ms bigint not null check (offset_ms >= 0),
    moved_at  timestamptz not null default clock_timestamp()
);
