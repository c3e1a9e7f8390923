-- The case list is sorted by the most urgent deadline still to be met, and filtered by "overdue":
-- both read this column, which PostgreSQL keeps in step with the deadlines it is computed from.
-- Pending deadlines only: the first response until it is given, the resolution until the case is
-- closed; a closed case has none (NULL, listed last).
ALTER TABLE support_case
    ADD COLUMN next_due_at TIMESTAMPTZ GENERATED ALWAYS AS (
        CASE
            WHEN status = 'closed' THEN NULL
            WHEN first_response_at IS NULL THEN LEAST(first_response_due_at, resolution_due_at)
            ELSE resolution_due_at
        END) STORED;
CREATE INDEX support_case_next_due ON support_case (next_due_at, id);
CREATE INDEX support_case_team_next_due ON support_case (owner_team, next_due_at, id);
