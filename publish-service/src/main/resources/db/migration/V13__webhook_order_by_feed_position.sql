-- A subscription's messages go out in the order of its feed: feed_seq now holds the feed position of the message's
-- entry (commit order across publish instances; the sequence ids of rows are per-instance blocks). Rows written
-- before held the feed entry's sequence value: the pending ones are given their entry's position here.
CREATE INDEX webhook_delivery_head ON webhook_delivery (subscription_id, status, feed_seq);
UPDATE webhook_delivery SET feed_seq = (SELECT e.position_in_feed FROM feed_entry e WHERE e.seq = webhook_delivery.feed_seq)
    WHERE status = 'pending' AND EXISTS (SELECT 1 FROM feed_entry e WHERE e.seq = webhook_delivery.feed_seq);
