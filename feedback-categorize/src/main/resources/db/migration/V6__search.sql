-- Analysts search the feedback's words (GET /api/v1/categorizations?q=...): PostgreSQL full-text
-- search, stemmed in the feedback's own language, so «доставка» finds «доставку» and "delivery"
-- finds "deliveries". The categorizer's language picks the configuration: ru → russian (whose
-- configuration stems Latin words such as brand names as English), en → english, anything else
-- (other, or no language) → simple (lower-cased words, no stemming, no stop words). A query is
-- matched against each language's rows with that language's configuration.
--
-- Generated, so the database keeps it in step with every change of text or language: a late
-- comment, a replay that reads the language anew, and an erasure (eraseText empties it, a
-- contact-only erasure takes the addresses and numbers out of it with the text). Only the first
-- 100,000 characters are indexed: a tsvector holds at most 1 MB, and a longer text must never make
-- a feedback impossible to store (the API takes 5,000). Words longer than 2,047 characters are
-- left out of the index by PostgreSQL itself (with a notice), never an error.
--
-- Adding a stored generated column rewrites the table once, under an exclusive lock.
ALTER TABLE categorization
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig
                                  WHEN 'en' THEN 'english'::regconfig
                                  ELSE 'simple'::regconfig END,
                    left(COALESCE(text, ''), 100000))) STORED;

CREATE INDEX categorization_search ON categorization USING gin (search_vector);

-- The search lists newest first (answer time, then id), one keyset page at a time.
CREATE INDEX categorization_newest ON categorization (responded_at DESC NULLS LAST, feedback_id DESC);
