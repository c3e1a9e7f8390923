-- The fan-out looks for an action's links not yet announced, oldest first; after a large fan-out
-- almost every link is announced, so only the pending ones are indexed.
CREATE INDEX improvement_link_pending ON improvement_link (action_id, linked_at, feedback_id)
    WHERE announced_at IS NULL;

-- Loop metrics slice cases by when they were opened.
CREATE INDEX support_case_opened ON support_case (opened_at);
