-- Issue 18 item 1: contact data travels only to closeloop-notifier (customer.contact.v1); this
-- service keeps the customer reference, language and segment, and no email, phone or name.
-- support_case got customer_email and customer_name in V1 (email optional since V2) and
-- customer_phone in V3; feedback_copy got all three in V3. No other table of this service holds
-- customer contact data (team_member.email and the assignee/actor/author columns are staff's).
ALTER TABLE support_case
    DROP COLUMN customer_email,
    DROP COLUMN customer_phone,
    DROP COLUMN customer_name;
ALTER TABLE feedback_copy
    DROP COLUMN customer_email,
    DROP COLUMN customer_phone,
    DROP COLUMN customer_name;

-- The outbox keeps the payloads of events it published (a day) and of those not sent yet: the
-- contact fields that older action events carried leave those rows too.
UPDATE outbox_event
SET payload = CAST(CAST(payload AS jsonb) #- '{customer,email}' #- '{customer,phone}' #- '{customer,name}' AS text)
WHERE topic IN ('action.opened.v1', 'action.updated.v1', 'action.resolved.v1', 'improvement.announced.v1')
  AND jsonb_exists_any(CAST(payload AS jsonb) -> 'customer', ARRAY['email', 'phone', 'name']);
