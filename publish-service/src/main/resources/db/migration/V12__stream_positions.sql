-- The live stream's order (/v1/stream, its Last-Event-ID) is a position taken from one counter, under its row lock,
-- by each publishing transaction: with several publish instances a version becomes visible only after every
-- version with a lower position, so a stream never moves past a version another instance is about to commit
-- (sequence values are handed out in blocks per instance and committed in any order, so ids could not promise
-- that). Existing versions keep their id as position: event ids already handed to streams stay valid.
ALTER TABLE article_version ADD COLUMN stream_position BIGINT;
UPDATE article_version SET stream_position = id;
ALTER TABLE article_version ALTER COLUMN stream_position SET NOT NULL;
CREATE UNIQUE INDEX article_version_stream_position ON article_version (stream_position);
CREATE TABLE stream_counter (
    id     INTEGER NOT NULL PRIMARY KEY,
    length BIGINT  NOT NULL
);
INSERT INTO stream_counter (id, length) SELECT 1, COALESCE(MAX(id), 0) FROM article_version;
