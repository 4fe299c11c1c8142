-- Each publisher's rate-limit bucket, shared by every ingest instance: the tokens left when it was last charged
-- and when that was (epoch milliseconds of the charging instance's clock). Refilled on the next charge.
CREATE TABLE rate_bucket (
    publisher_id VARCHAR(128)     NOT NULL PRIMARY KEY,
    tokens       DOUBLE PRECISION NOT NULL,
    updated_ms   BIGINT           NOT NULL
);
