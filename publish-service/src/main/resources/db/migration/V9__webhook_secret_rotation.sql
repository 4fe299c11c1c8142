-- A rotated webhook secret: the previous one (sealed like the current) still signs, beside the new one, until
-- previous_secret_until, so that a receiver can switch without refusing a message.
ALTER TABLE subscription ADD COLUMN previous_webhook_secret VARCHAR(400);
ALTER TABLE subscription ADD COLUMN previous_secret_until TIMESTAMP WITH TIME ZONE;
