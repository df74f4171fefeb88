-- A retired certification lapses once its reactivation window has ended (the clock job does it). Retired rows from
-- before carry no next_due_on: make them due now, so that the job's first run lapses or reschedules each one.
update certification set next_due_on = retired_on where status = 'RETIRED' and next_due_on is null;
