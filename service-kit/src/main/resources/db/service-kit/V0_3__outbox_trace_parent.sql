-- The W3C traceparent each event carries, so one feedback's trace crosses all four services.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(64);
