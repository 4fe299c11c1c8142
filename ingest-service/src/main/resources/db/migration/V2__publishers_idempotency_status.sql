-- Publishers and their credentials. API keys are stored as SHA-256 hashes (keys are 256-bit random values,
-- so a fast hash is enough); the signing secret is kept as given because HMAC verification needs it.
CREATE TABLE publisher (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    signing_secret  VARCHAR(200),
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE api_key_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE api_key (
    id              BIGINT       NOT NULL PRIMARY KEY,
    publisher_id    VARCHAR(64)  NOT NULL REFERENCES publisher (id),
    lookup          VARCHAR(32)  NOT NULL UNIQUE,
    secret_hash     VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_key_publisher ON api_key (publisher_id);

-- Standard Webhooks message ids already accepted per publisher: a replay is refused.
CREATE TABLE webhook_message (
    publisher_id    VARCHAR(64)  NOT NULL,
    message_id      VARCHAR(255) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (publisher_id, message_id)
);

-- Idempotency-Key header: the first answer is given again for the same key and the same request.
CREATE TABLE idempotency_key (
    publisher_id    VARCHAR(64)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    submission_id   VARCHAR(36)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (publisher_id, idem_key)
);

-- Same content from different publishers is found through the fingerprint of headline and body text.
ALTER TABLE submission ADD COLUMN content_fingerprint VARCHAR(64);
ALTER TABLE submission ADD COLUMN enriched_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE submission ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX submission_fingerprint ON submission (content_fingerprint);
CREATE INDEX submission_publisher ON submission (publisher_id, received_at, id);

-- Pushes refused after they were taken in asynchronously (Kafka intake), kept so the publisher can see why.
CREATE TABLE rejection (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    publisher_id    VARCHAR(64)   NOT NULL,
    uri             VARCHAR(2048),
    channel         VARCHAR(16)   NOT NULL,
    problem         TEXT          NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rejection_publisher ON rejection (publisher_id, received_at, id);
