-- Issue 5: cases with rules, routing, SLAs, a lifecycle with audit, improvement actions, roles.

-- Every categorized feedback, as this service keeps it: what rules and improvement actions look at.
CREATE TABLE feedback_copy (
    feedback_id      UUID         PRIMARY KEY,
    responded_at     TIMESTAMPTZ,
    categorized_at   TIMESTAMPTZ,
    channel          VARCHAR(30),
    touchpoint       VARCHAR(100),
    journey_stage    VARCHAR(100),
    customer_id      VARCHAR(100) NOT NULL,
    customer_email   VARCHAR(254),
    customer_phone   VARCHAR(20),
    customer_name    VARCHAR(200),
    customer_segment VARCHAR(100),
    customer_locale  VARCHAR(10),
    nps_score        SMALLINT,
    nps_class        VARCHAR(20),
    csat_score       SMALLINT,
    ces_score        SMALLINT,
    score_classes    VARCHAR(20)[] NOT NULL DEFAULT '{}',
    text             TEXT,
    language         VARCHAR(10),
    sentiment        VARCHAR(10),
    feedback_type    VARCHAR(20),
    themes           VARCHAR(100)[] NOT NULL DEFAULT '{}',
    urgency          VARCHAR(20)[] NOT NULL DEFAULT '{}',
    priority         VARCHAR(10),
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX feedback_copy_responded ON feedback_copy (responded_at);
CREATE INDEX feedback_copy_themes ON feedback_copy USING GIN (themes);

-- Which categorized feedback opens a case: evaluated in ascending position, the first match wins.
CREATE TABLE case_rule (
    id             UUID          PRIMARY KEY,
    name           VARCHAR(100)  NOT NULL UNIQUE,
    position       INTEGER       NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    -- {"scoreClasses":[..], "npsMax":6, "csatMax":2, "cesMax":3, "sentiments":[..], "types":[..],
    --  "themes":[..] (a group matches its leaves), "urgency":[..], "channels":[..], "segments":[..]}
    conditions     JSONB         NOT NULL,
    case_priority  VARCHAR(10),
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    row_version    BIGINT        NOT NULL DEFAULT 0
);

-- Teams that own cases, their calendars and their people.
CREATE TABLE team (
    id              VARCHAR(60)   PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    -- business hours for SLAs counted in business hours
    time_zone       VARCHAR(60)   NOT NULL,
    work_days       VARCHAR(3)[]  NOT NULL,
    work_start      TIME          NOT NULL,
    work_end        TIME          NOT NULL,
    holidays        DATE[]        NOT NULL DEFAULT '{}',
    fallback        BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ   NOT NULL,
    row_version     BIGINT        NOT NULL DEFAULT 0
);

-- A person: an agent of one team or a lead; authenticates with a token shown once (stored as SHA-256).
CREATE TABLE team_member (
    id           UUID          PRIMARY KEY,
    team_id      VARCHAR(60)   NOT NULL REFERENCES team (id),
    email        VARCHAR(254)  NOT NULL UNIQUE,
    name         VARCHAR(200),
    role         VARCHAR(10)   NOT NULL,
    token_hash   VARCHAR(64)   NOT NULL UNIQUE,
    active       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ   NOT NULL
);

-- Which team (and optionally person) owns a new case: evaluated in ascending position.
CREATE TABLE routing_rule (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL UNIQUE,
    position    INTEGER       NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    -- {"themes":[..], "channels":[..], "segments":[..], "languages":[..], "priorities":[..]}
    conditions  JSONB         NOT NULL,
    team_id     VARCHAR(60)   NOT NULL REFERENCES team (id),
    assignee    VARCHAR(254),
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    row_version BIGINT        NOT NULL DEFAULT 0
);

-- Target times per priority; business_hours counts only the owner team's working time.
CREATE TABLE sla_policy (
    priority              VARCHAR(10)  PRIMARY KEY,
    first_response_minutes INTEGER     NOT NULL,
    resolution_minutes    INTEGER      NOT NULL,
    business_hours        BOOLEAN      NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);
INSERT INTO sla_policy VALUES
    ('critical', 60, 480, FALSE, now()),
    ('high', 240, 1440, FALSE, now()),
    ('normal', 1440, 4320, FALSE, now()),
    ('low', 2880, 10080, TRUE, now());

ALTER TABLE support_case
    ADD COLUMN rule_id               UUID,
    ADD COLUMN rule_name             VARCHAR(100),
    ADD COLUMN routing_rule          VARCHAR(100),
    ADD COLUMN assignee              VARCHAR(254),
    ADD COLUMN customer_phone        VARCHAR(20),
    ADD COLUMN customer_segment      VARCHAR(100),
    ADD COLUMN touchpoint            VARCHAR(100),
    ADD COLUMN sentiment             VARCHAR(10),
    ADD COLUMN feedback_type         VARCHAR(20),
    ADD COLUMN themes                VARCHAR(100)[] NOT NULL DEFAULT '{}',
    ADD COLUMN urgency               VARCHAR(20)[] NOT NULL DEFAULT '{}',
    ADD COLUMN resolution_due_at     TIMESTAMPTZ,
    ADD COLUMN resolved_at           TIMESTAMPTZ,
    ADD COLUMN closed_at             TIMESTAMPTZ,
    ADD COLUMN resolution_code       VARCHAR(50),
    ADD COLUMN root_cause            VARCHAR(100),
    ADD COLUMN resolution_text       TEXT,
    ADD COLUMN escalation_level      INTEGER NOT NULL DEFAULT 0,
    -- one escalation per breach: set when the breach was escalated
    ADD COLUMN first_response_escalated_at TIMESTAMPTZ,
    ADD COLUMN resolution_escalated_at     TIMESTAMPTZ,
    ADD COLUMN reopen_count          INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN row_version           BIGINT NOT NULL DEFAULT 0;
CREATE INDEX support_case_team ON support_case (owner_team, status);
CREATE INDEX support_case_due ON support_case (status, resolution_due_at);

-- Internal notes and replies to the customer.
CREATE TABLE case_comment (
    id          UUID          PRIMARY KEY,
    case_id     UUID          NOT NULL REFERENCES support_case (id),
    author      VARCHAR(254)  NOT NULL,
    visibility  VARCHAR(10)   NOT NULL,
    text        TEXT          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX case_comment_case ON case_comment (case_id, created_at);

-- Every change of a case: who, when, what.
CREATE TABLE case_audit (
    id          UUID          PRIMARY KEY,
    case_id     UUID          NOT NULL REFERENCES support_case (id),
    at          TIMESTAMPTZ   NOT NULL,
    actor       VARCHAR(254)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    details     JSONB         NOT NULL
);
CREATE INDEX case_audit_case ON case_audit (case_id, at);

-- "You said, we did": a change made for a theme, linked to the feedback it answers.
CREATE TABLE improvement_action (
    id              UUID          PRIMARY KEY,
    team_id         VARCHAR(60)   NOT NULL REFERENCES team (id),
    theme           VARCHAR(100),
    title           VARCHAR(200)  NOT NULL,
    -- what customers are told, per language
    message         JSONB         NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_by      VARCHAR(254)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    published_at    TIMESTAMPTZ,
    -- staged fan-out: a first small batch, then the rest once released
    first_batch_size INTEGER      NOT NULL,
    released_at     TIMESTAMPTZ,
    row_version     BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE improvement_link (
    action_id     UUID          NOT NULL REFERENCES improvement_action (id),
    feedback_id   UUID          NOT NULL REFERENCES feedback_copy (feedback_id),
    linked_by     VARCHAR(254)  NOT NULL,
    linked_at     TIMESTAMPTZ   NOT NULL,
    -- when the follow-up event was published (null: not yet)
    announced_at  TIMESTAMPTZ,
    PRIMARY KEY (action_id, feedback_id)
);
