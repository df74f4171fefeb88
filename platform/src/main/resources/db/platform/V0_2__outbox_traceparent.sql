-- The W3C trace context of the request (or message) that wrote the outbox row, so that the relay can send it as the
-- record's traceparent header and the consumer continues that trace. Null when tracing is off.
alter table outbox_event add column traceparent text;
