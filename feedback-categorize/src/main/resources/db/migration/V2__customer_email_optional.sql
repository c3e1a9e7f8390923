-- A customer may give a phone number instead of an email address.
ALTER TABLE categorization ALTER COLUMN customer_email DROP NOT NULL;
