-- A feed's order is its own counter, taken under the subscription's row lock in the publishing transaction: with
-- several publish instances, entries become visible in the order of their positions, so a reader's cursor never
-- passes an entry that another instance is about to commit (global sequence values, handed out in blocks per
-- instance, did not guarantee that). Existing entries keep their sequence value as position, so cursors already
-- handed out stay valid.
ALTER TABLE subscription ADD COLUMN feed_length BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE feed_entry ADD COLUMN position_in_feed BIGINT;
UPDATE feed_entry SET position_in_feed = seq;
ALTER TABLE feed_entry ALTER COLUMN position_in_feed SET NOT NULL;
UPDATE subscription SET feed_length = COALESCE((SELECT MAX(e.position_in_feed) FROM feed_entry e
    WHERE e.subscription_id = subscription.id), 0);
CREATE UNIQUE INDEX feed_entry_position ON feed_entry (subscription_id, position_in_feed);
DROP INDEX feed_entry_subscription;
