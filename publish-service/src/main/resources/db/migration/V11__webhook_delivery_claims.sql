-- A message being sent is claimed by one publish instance for a lease (platform Leases): claimed_by is the
-- claim's token, claimed_until when another instance may take the message over. Both empty when nobody holds it.
ALTER TABLE webhook_delivery ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE webhook_delivery ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
