-- Everything the categorizer understands about a feedback, and the context the metrics slice by.
ALTER TABLE categorization
    ADD COLUMN responded_at          TIMESTAMPTZ,
    ADD COLUMN customer_phone        VARCHAR(20),
    ADD COLUMN customer_segment      VARCHAR(100),
    ADD COLUMN touchpoint            VARCHAR(100),
    ADD COLUMN journey_stage         VARCHAR(100),
    ADD COLUMN declared_language     VARCHAR(20),
    ADD COLUMN csat_score            SMALLINT,
    ADD COLUMN csat_scale_min        SMALLINT,
    ADD COLUMN csat_scale_max        SMALLINT,
    ADD COLUMN csat_class            VARCHAR(20),
    ADD COLUMN ces_score             SMALLINT,
    ADD COLUMN ces_scale_min         SMALLINT,
    ADD COLUMN ces_scale_max         SMALLINT,
    ADD COLUMN ces_class             VARCHAR(20),
    ADD COLUMN language              VARCHAR(10),
    ADD COLUMN sentiment             VARCHAR(10),
    ADD COLUMN sentiment_score       DOUBLE PRECISION,
    ADD COLUMN sentiment_confidence  DOUBLE PRECISION,
    ADD COLUMN feedback_type         VARCHAR(20),
    ADD COLUMN type_confidence       DOUBLE PRECISION,
    ADD COLUMN urgency               VARCHAR(20)[] NOT NULL DEFAULT '{}',
    ADD COLUMN priority              VARCHAR(10),
    ADD COLUMN knowledge_version     INTEGER,
    ADD COLUMN model_version         INTEGER,
    -- fields a person corrected; a replay never overrides them
    ADD COLUMN corrected_fields      VARCHAR(20)[] NOT NULL DEFAULT '{}',
    ADD COLUMN corrected_at          TIMESTAMPTZ,
    ADD COLUMN corrected_by          VARCHAR(100),
    ADD COLUMN updated_at            TIMESTAMPTZ,
    ADD COLUMN row_version           BIGINT NOT NULL DEFAULT 0;

UPDATE categorization SET responded_at = COALESCE(received_at, categorized_at), updated_at = categorized_at;
CREATE INDEX categorization_responded ON categorization (responded_at);

-- Themes of a feedback: taxonomy paths such as 'delivery/late', with the words that matched.
CREATE TABLE categorization_theme (
    feedback_id   UUID         NOT NULL REFERENCES categorization (feedback_id) ON DELETE CASCADE,
    theme         VARCHAR(100) NOT NULL,
    matched_terms TEXT[]       NOT NULL DEFAULT '{}',
    -- rules (lexicon match), model (learned from corrections) or correction (set by a person)
    source        VARCHAR(20)  NOT NULL,
    -- order of first mention in the text
    position      INTEGER      NOT NULL,
    PRIMARY KEY (feedback_id, position)
);
CREATE INDEX categorization_theme_by_theme ON categorization_theme (theme);

-- The taxonomy and lexicons are data: every edit is a new immutable version; the newest is in force.
CREATE TABLE knowledge_version (
    version     INTEGER      PRIMARY KEY,
    document    JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(100),
    comment     VARCHAR(500)
);

-- What people corrected, kept as history and as training examples.
CREATE TABLE categorization_correction (
    id              UUID         PRIMARY KEY,
    feedback_id     UUID         NOT NULL REFERENCES categorization (feedback_id) ON DELETE CASCADE,
    corrected_at    TIMESTAMPTZ  NOT NULL,
    corrected_by    VARCHAR(100) NOT NULL,
    note            VARCHAR(1000),
    before          JSONB        NOT NULL,
    after           JSONB        NOT NULL
);
CREATE INDEX categorization_correction_feedback ON categorization_correction (feedback_id, corrected_at);

-- Models trained on corrections; the newest is in force.
CREATE TABLE trained_model (
    version      INTEGER      PRIMARY KEY,
    trained_at   TIMESTAMPTZ  NOT NULL,
    examples     INTEGER      NOT NULL,
    parameters   JSONB        NOT NULL,
    evaluation   JSONB        NOT NULL
);

-- Re-categorization of history after the taxonomy or model changed; progress commits with each batch.
CREATE TABLE recategorization_job (
    id              UUID         PRIMARY KEY,
    status          VARCHAR(20)  NOT NULL,
    dry_run         BOOLEAN      NOT NULL,
    responded_from  TIMESTAMPTZ,
    responded_to    TIMESTAMPTZ,
    knowledge_version INTEGER,
    model_version   INTEGER,
    requested_at    TIMESTAMPTZ  NOT NULL,
    requested_by    VARCHAR(100),
    finished_at     TIMESTAMPTZ,
    last_feedback_id UUID,
    total           INTEGER      NOT NULL DEFAULT 0,
    processed       INTEGER      NOT NULL DEFAULT 0,
    changed         INTEGER      NOT NULL DEFAULT 0,
    report          JSONB        NOT NULL DEFAULT '{}'
);

-- A late comment that arrived before its feedback: applied when the feedback arrives.
CREATE TABLE pending_comment (
    feedback_id   UUID         PRIMARY KEY,
    commented_at  TIMESTAMPTZ  NOT NULL,
    text          TEXT         NOT NULL,
    language      VARCHAR(20)
);
