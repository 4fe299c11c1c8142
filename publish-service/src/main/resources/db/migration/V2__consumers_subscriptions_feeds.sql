-- Portable SQL: runs on PostgreSQL (tests, production) and H2 in PostgreSQL mode (local run).

-- Consumer accounts and their API keys (SHA-256 of the key; the lookup part finds the row).
CREATE TABLE consumer (
    id         VARCHAR(63)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE consumer_key (
    lookup      VARCHAR(12) NOT NULL PRIMARY KEY,
    consumer_id VARCHAR(63) NOT NULL REFERENCES consumer (id),
    secret_hash VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

-- A consumer's subscription: a filter (JSON, validated) and a delivery channel.
CREATE TABLE subscription (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    consumer_id  VARCHAR(63)  NOT NULL REFERENCES consumer (id),
    name         VARCHAR(200) NOT NULL,
    filter       TEXT         NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX subscription_consumer ON subscription (consumer_id);

-- What each subscription received, in order: the pull feed reads it, cursors point into it. Written in the
-- transaction that publishes the version, so an entry exists exactly when the version does.
CREATE SEQUENCE feed_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE feed_entry (
    seq             BIGINT      NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(36) NOT NULL,
    article_id      VARCHAR(36) NOT NULL,
    version         INTEGER     NOT NULL,
    kind            VARCHAR(8)  NOT NULL,
    event_id        VARCHAR(36) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX feed_entry_subscription ON feed_entry (subscription_id, seq);
CREATE INDEX feed_entry_article ON feed_entry (article_id);
