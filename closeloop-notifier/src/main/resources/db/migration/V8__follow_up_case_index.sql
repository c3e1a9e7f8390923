-- GET /api/v1/followups?caseId=: every message about one case (the console shows an agent what was sent about it)
CREATE INDEX follow_up_case ON follow_up (case_id) WHERE case_id IS NOT NULL;
