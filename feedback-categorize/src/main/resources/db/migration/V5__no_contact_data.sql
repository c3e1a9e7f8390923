-- This service keeps no contact data: a customer's email, phone and name travel on
-- customer.contact.v1 to closeloop-notifier only. Categorizations keep the customer's id, segment
-- and locale; the events about them no longer carry the contact data either.

-- The events still in the outbox (sent ones are kept for retention, unsent ones are yet to go) lose
-- customer.email, customer.phone and customer.name (sealed or not), as the new ones have none.
UPDATE outbox_event
SET payload = (CAST(payload AS jsonb) #- '{customer,email}' #- '{customer,phone}' #- '{customer,name}')::text
WHERE topic IN ('feedback.categorized.v1', 'feedback.recategorized.v1')
  AND (CAST(payload AS jsonb) -> 'customer') - ARRAY['email', 'phone', 'name']
      IS DISTINCT FROM CAST(payload AS jsonb) -> 'customer';

-- Emptied before they are dropped: a dropped column's values stay in the table's pages until each
-- row is written again, whereas the old row versions this update leaves are reclaimed by vacuum.
UPDATE categorization SET customer_email = NULL, customer_phone = NULL, customer_name = NULL
WHERE customer_email IS NOT NULL OR customer_phone IS NOT NULL OR customer_name IS NOT NULL;

ALTER TABLE categorization
    DROP COLUMN customer_email,
    DROP COLUMN customer_phone,
    DROP COLUMN customer_name;

-- Without the customer's contact data, an erasure of contact data only (eraseText false) finds what
-- to take out of the words it keeps in the words themselves: every email address, and every phone
-- number (10 to 15 digits, with an optional leading + and spaces, dots, dashes or brackets between
-- them; not a date such as 2026-11-23 10:00 or 23.11.2026 10:00). A name cannot be told from other
-- words; eraseText removes them all. The values found go to without_contact_data (V4), unchanged.
CREATE FUNCTION contact_data_in(words TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(DISTINCT found[1])
    FROM regexp_matches(COALESCE(words, ''),
        '([[:alnum:]._%+-]+@[[:alnum:]-]+(?:\.[[:alnum:]-]+)*\.[[:alpha:]]{2,}|\+?\(?[0-9](?:[ ().-]{0,2}[0-9]){9,14})',
        'g') AS found
    WHERE found[1] !~ '^([0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4})([^0-9]|$)'
$$;
