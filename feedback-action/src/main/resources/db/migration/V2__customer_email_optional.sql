-- A customer may give a phone number instead of an email address.
ALTER TABLE support_case ALTER COLUMN customer_email DROP NOT NULL;
