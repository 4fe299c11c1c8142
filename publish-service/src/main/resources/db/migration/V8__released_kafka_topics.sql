-- Kafka-channel topics no subscription writes to any more (deleted, or switched to another channel): deleted from
-- the broker once newsflow.publish.kafka-channel.delete-topic-after has passed, unless a subscription takes them again.
CREATE TABLE released_topic (
    topic        VARCHAR(255) NOT NULL PRIMARY KEY,
    released_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
