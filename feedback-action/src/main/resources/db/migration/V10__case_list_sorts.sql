-- The case list (GET /api/v1/cases) sorts by the most urgent deadline (V5), by when a case was
-- opened (newest first) or by priority (critical first, then the deadline), and pages by keyset
-- on each. The priority's rank is a column PostgreSQL keeps in step with the priority, so the
-- sort, the keyset condition and the index read the same value.
ALTER TABLE support_case
    ADD COLUMN priority_rank SMALLINT NOT NULL GENERATED ALWAYS AS (
        CASE priority
            WHEN 'critical' THEN 0
            WHEN 'high' THEN 1
            WHEN 'normal' THEN 2
            WHEN 'low' THEN 3
            ELSE 4
        END) STORED;
-- agents and leads list their own teams' cases; analysts and administrators every team's
CREATE INDEX support_case_team_opened ON support_case (owner_team, opened_at, id);
CREATE INDEX support_case_priority_due ON support_case (priority_rank, next_due_at, id);
CREATE INDEX support_case_team_priority_due ON support_case (owner_team, priority_rank, next_due_at, id);
