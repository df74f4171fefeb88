-- Issue 24: mail to people. One row per (event, recipient), written by the mail channel's consumer in the transaction
-- that reads the event, sent later by the sender (at least once). message_id is derived from the event id and the
-- recipient, so a resend after a crash between the SMTP server's accept and the commit carries the same Message-ID and
-- a redelivered event finds its row. The row keeps what was sent: staff read a person's mail log from it.
create table mail (
    message_id      text primary key,
    event_id        uuid not null,
    candidate_id    uuid not null,
    recipient       text not null, -- empty when UNADDRESSED
    kind            text not null,
    ref             text not null, -- empty when the event names nothing to refer to
    subject         text not null,
    text_body       text not null,
    html_body       text not null,
    -- PENDING (to send), SENT (the SMTP server accepted it), REFUSED (a permanent 5xx answer), BOUNCED (accepted,
    -- then reported undeliverable), UNADDRESSED (no address the board vouches for: recorded, never sent)
    status          text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    occurred_at     timestamptz not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    problem_at      timestamptz,
    problem         text
);
create index mail_due on mail (next_attempt_at) where status = 'PENDING';
create index mail_candidate on mail (candidate_id, created_at);
create index mail_problem on mail (problem_at) where status in ('REFUSED', 'BOUNCED');
-- a booking's later ExamBooked is a move: found by the booking's earlier mail
create index mail_ref on mail (candidate_id, kind, ref);
