-- The search index as one row per article instead of one per (term, article): the terms of the current, not
-- killed, version as an array. On PostgreSQL a GIN index answers "has any of these terms" (&&) from it; H2 (the
-- embedded local run) has no such index and checks the arrays of the rows search reads, which answers the same.
CREATE TABLE search_document (
    article_id VARCHAR(36)  NOT NULL PRIMARY KEY,
    terms      BIGINT ARRAY NOT NULL
);
INSERT INTO search_document (article_id, terms)
    SELECT article_id, ARRAY_AGG(term) FROM search_term GROUP BY article_id;
DROP TABLE search_term;
-- the placeholder is "USING gin (terms)" on PostgreSQL, a plain index on H2 (see application.properties)
CREATE INDEX search_document_terms ON search_document ${search_terms_index};
