-- When the event a processed input led to was acknowledged by Kafka. A redelivered input whose event is known to
-- be on articles.published is acknowledged without sending it again (a restart after a crash would otherwise
-- repeat every event since the last committed offset).
ALTER TABLE processed_event ADD COLUMN emitted_at TIMESTAMP WITH TIME ZONE;
