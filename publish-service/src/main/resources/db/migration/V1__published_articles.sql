-- Portable SQL: runs on PostgreSQL (tests, production) and H2 in PostgreSQL mode (local run).

-- Idempotent consumer log: one row per consumed event, written in the transaction of its effect.
CREATE TABLE processed_event (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    processed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    result_event_id VARCHAR(36)
);

-- Every published version of every article, with the event that announced it.
CREATE SEQUENCE article_version_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE article_version (
    id             BIGINT        NOT NULL PRIMARY KEY,
    event_id       VARCHAR(36)   NOT NULL UNIQUE,
    article_id     VARCHAR(36)   NOT NULL,
    uri            VARCHAR(2048) NOT NULL,
    version        INTEGER       NOT NULL,
    pub_status     VARCHAR(16)   NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    payload        TEXT          NOT NULL
);
CREATE INDEX article_version_article ON article_version (article_id, version);

-- The current version of each article: what the API serves.
CREATE TABLE published_article (
    article_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    publisher_id   VARCHAR(128)  NOT NULL,
    uri            VARCHAR(2048) NOT NULL,
    version        INTEGER       NOT NULL,
    pub_status     VARCHAR(16)   NOT NULL,
    language       VARCHAR(35),
    headline       TEXT,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    article        TEXT          NOT NULL,
    enrichment     TEXT          NOT NULL
);
