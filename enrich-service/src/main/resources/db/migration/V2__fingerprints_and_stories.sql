-- Portable SQL: runs on PostgreSQL (tests, production) and H2 in PostgreSQL mode (local run).

-- Near-duplicate detection: one row per article with its sampled shingle hashes, and one index row per sample.
-- A lookup reads the index rows of an article's (at most ~48) samples: its cost does not grow with the corpus.
CREATE TABLE fingerprint (
    article_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    uri                 VARCHAR(2048) NOT NULL,
    source              VARCHAR(255),
    samples             TEXT          NOT NULL,
    seen_at             TIMESTAMP WITH TIME ZONE,
    original_article_id VARCHAR(36),
    original_uri        VARCHAR(2048),
    original_source     VARCHAR(255)
);
CREATE TABLE fingerprint_sample (
    sample     BIGINT      NOT NULL,
    article_id VARCHAR(36) NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (sample, article_id)
);
CREATE INDEX fingerprint_sample_article ON fingerprint_sample (article_id);
CREATE INDEX fingerprint_seen ON fingerprint (seen_at);

-- Story clusters: the story of each article and the weighted names it was clustered by, indexed by name.
CREATE TABLE story_member (
    article_id VARCHAR(36)  NOT NULL PRIMARY KEY,
    story_id   VARCHAR(64)  NOT NULL,
    features   TEXT         NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX story_member_story ON story_member (story_id);
CREATE TABLE story_key (
    feature    VARCHAR(255) NOT NULL,
    article_id VARCHAR(36)  NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (feature, article_id)
);
CREATE INDEX story_key_article ON story_key (article_id);
CREATE INDEX story_member_seen ON story_member (seen_at);
CREATE INDEX story_key_recent ON story_key (feature, seen_at);
