-- Portable SQL: runs on PostgreSQL (tests, production) and H2 in PostgreSQL mode (local run).

-- Idempotent consumer log: one row per consumed event, written in the transaction of its effect.
CREATE TABLE processed_event (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    processed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    result_event_id VARCHAR(36)  NOT NULL
);

-- One row per enriched article version: what was found, by which rules, and the event that announced it
-- (kept so that a redelivered input re-emits exactly the same event).
CREATE SEQUENCE enrichment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE enrichment (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    event_id            VARCHAR(36)   NOT NULL UNIQUE,
    source_event_id     VARCHAR(255)  NOT NULL,
    article_id          VARCHAR(36)   NOT NULL,
    submission_id       VARCHAR(36)   NOT NULL,
    uri                 VARCHAR(2048) NOT NULL,
    version             VARCHAR(16)   NOT NULL,
    enrichment_version  VARCHAR(32)   NOT NULL,
    language            VARCHAR(35)   NOT NULL,
    language_source     VARCHAR(64)   NOT NULL,
    language_confidence DOUBLE PRECISION NOT NULL,
    word_count          INTEGER       NOT NULL,
    summary             TEXT,
    keywords            TEXT          NOT NULL,
    enriched_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    payload             TEXT          NOT NULL
);
CREATE INDEX enrichment_article ON enrichment (article_id);
