-- When Kafka acknowledged the event a processed input led to: a redelivered input (a restart, a rebalance) whose
-- event is already on articles.enriched is acknowledged without sending it again.
ALTER TABLE processed_event ADD COLUMN emitted_at TIMESTAMP WITH TIME ZONE;
