-- A follow-up is marked 'sending' (with a lease in next_attempt_at) before the provider is called,
-- and 'sent' after; one stuck in 'sending' past its lease (the process died mid-send) is tried again.
DROP INDEX follow_up_due;
CREATE INDEX follow_up_due ON follow_up (next_attempt_at) WHERE status IN ('queued', 'sending');
