-- Portable SQL: runs on PostgreSQL (tests, production) and H2 in PostgreSQL mode (local run).

-- One row per accepted push (one version of one article).
CREATE TABLE submission (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    article_id     VARCHAR(36)   NOT NULL,
    publisher_id   VARCHAR(128)  NOT NULL,
    uri            VARCHAR(2048) NOT NULL,
    version        INTEGER       NOT NULL,
    pub_status     VARCHAR(16)   NOT NULL,
    content_hash   VARCHAR(64)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE,
    article        TEXT          NOT NULL,
    CONSTRAINT submission_article_version UNIQUE (article_id, version)
);

-- Events waiting to be relayed to Kafka. Written in the transaction of the submission; deleted once Kafka
-- has acknowledged them (acks=all).
CREATE SEQUENCE outbox_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE outbox_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    event_id       VARCHAR(36)   NOT NULL UNIQUE,
    event_type     VARCHAR(128)  NOT NULL,
    topic          VARCHAR(249)  NOT NULL,
    record_key     VARCHAR(2048) NOT NULL,
    subject        VARCHAR(64)   NOT NULL,
    submission_id  VARCHAR(36)   NOT NULL,
    payload        TEXT          NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
