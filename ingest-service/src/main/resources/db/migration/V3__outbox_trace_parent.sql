-- The W3C traceparent of the push that produced an outbox event, so that the relay can hand the trace on to
-- articles.submitted (OpenTelemetry); null when tracing is off.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55);
