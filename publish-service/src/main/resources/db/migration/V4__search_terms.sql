-- Inverted index for GET /v1/articles: one row per (term, article) for the current, not killed, version of
-- each article. A term is a 64-bit hash of a field and a folded value (a subject code, a name, a country, a
-- text word, ...); search narrows by terms here, then checks the full filter on the few rows it reads, so a
-- hash collision can only cost a row read, never a wrong hit.
CREATE TABLE search_term (
    term       BIGINT      NOT NULL,
    article_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (term, article_id)
);
CREATE INDEX search_term_article ON search_term (article_id);

-- Search pages run newest (or oldest) first by publication time.
CREATE INDEX published_article_time ON published_article (published_at, article_id);
