-- Portable SQL: runs on PostgreSQL (tests, production) and H2 in PostgreSQL mode (local run).

-- Webhook channel of a subscription: where to, the signing secret (Standard Webhooks; HMAC needs it in clear),
-- and whether it is still active (a 410 answer disables it).
ALTER TABLE subscription ADD COLUMN webhook_url VARCHAR(2048);
ALTER TABLE subscription ADD COLUMN webhook_secret VARCHAR(100);
ALTER TABLE subscription ADD COLUMN status VARCHAR(16) DEFAULT 'active' NOT NULL;
ALTER TABLE subscription ADD COLUMN status_reason VARCHAR(500);

-- One webhook message per feed entry of a webhook subscription, written with the feed entry; the dispatcher
-- sends them in order per subscription and keeps every attempt.
CREATE SEQUENCE webhook_delivery_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE webhook_delivery (
    id              BIGINT       NOT NULL PRIMARY KEY,
    message_id      VARCHAR(40)  NOT NULL UNIQUE,
    subscription_id VARCHAR(36)  NOT NULL,
    feed_seq        BIGINT       NOT NULL,
    article_id      VARCHAR(36)  NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    event_id        VARCHAR(36)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, status, id);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (status, subscription_id, id);

CREATE SEQUENCE webhook_attempt_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE webhook_attempt (
    id           BIGINT      NOT NULL PRIMARY KEY,
    delivery_id  BIGINT      NOT NULL,
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code  INTEGER,
    error        VARCHAR(500),
    duration_ms  BIGINT      NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id);

-- Kafka channel of a subscription: its own topic newsflow.sub.<name> (one subscription per topic).
ALTER TABLE subscription ADD COLUMN kafka_topic VARCHAR(255);
