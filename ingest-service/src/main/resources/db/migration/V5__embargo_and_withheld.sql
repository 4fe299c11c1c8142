-- Embargoed articles wait in the outbox until their embargoedUntil; the relay skips them until then.
ALTER TABLE outbox_event ADD COLUMN available_at TIMESTAMP WITH TIME ZONE;
-- What the publisher is told about a held submission.
ALTER TABLE submission ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;
