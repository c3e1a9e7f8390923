-- Every message the notifier owes a customer (or a business system, through the webhook), keyed by
-- an idempotency key derived from what triggered it: 'acknowledgement:<feedback>',
-- 'case-reply:<comment>', 'improvement:<action>:<feedback>', 'survey-invitation:<invitation>'...
-- The same trigger delivered twice finds its key taken and queues nothing.
ALTER TABLE follow_up DROP CONSTRAINT follow_up_feedback_id_kind_key;
ALTER TABLE follow_up ALTER COLUMN feedback_id DROP NOT NULL;
ALTER TABLE follow_up ADD COLUMN idempotency_key VARCHAR(200);
UPDATE follow_up SET idempotency_key = 'acknowledgement:' || feedback_id;
ALTER TABLE follow_up ALTER COLUMN idempotency_key SET NOT NULL;
ALTER TABLE follow_up ADD CONSTRAINT follow_up_idempotency_key UNIQUE (idempotency_key);

ALTER TABLE follow_up ADD COLUMN customer_id VARCHAR(100);
ALTER TABLE follow_up ADD COLUMN phone VARCHAR(20);
ALTER TABLE follow_up ADD COLUMN trigger_event VARCHAR(60);
ALTER TABLE follow_up ADD COLUMN reference_id UUID;
-- what the template needs beyond name and quote: reply, resolution, improvement, survey link...
ALTER TABLE follow_up ADD COLUMN details JSONB NOT NULL DEFAULT '{}';
-- why a message waits (quiet hours) or was suppressed (opt-out, cap, no address)
ALTER TABLE follow_up RENAME COLUMN last_error TO status_reason;
ALTER TABLE follow_up ALTER COLUMN status_reason TYPE VARCHAR(1000);
ALTER TABLE follow_up ADD COLUMN provider_message_id VARCHAR(200);
ALTER TABLE follow_up ADD COLUMN delivered_at TIMESTAMPTZ;
ALTER TABLE follow_up ADD COLUMN failed_at TIMESTAMPTZ;
-- the message as it left: subject and text, kept for the customer's history
ALTER TABLE follow_up ADD COLUMN subject VARCHAR(300);
ALTER TABLE follow_up ADD COLUMN body TEXT;

CREATE INDEX follow_up_feedback ON follow_up (feedback_id);
-- the contact cap counts what a customer received in the period
CREATE INDEX follow_up_customer_sent ON follow_up (customer_id, sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX follow_up_status ON follow_up (status, created_at);

-- A customer's own choices: consent per channel and the time zone their quiet hours are counted in.
CREATE TABLE customer_preference (
    customer_id  VARCHAR(100) PRIMARY KEY,
    time_zone    VARCHAR(60),
    email_opt_out_at TIMESTAMPTZ,
    sms_opt_out_at   TIMESTAMPTZ,
    -- where SMS needs explicit consent (followup.consent.sms=opt-in), when the customer gave it
    sms_opt_in_at    TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(200) NOT NULL
);
