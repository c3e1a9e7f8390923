-- The contact directory: how to reach a customer, as given with each feedback (customer.contact.v1
-- from feedback-ingest). Categorize's and action's events carry no contact data; every message but a
-- survey invitation is addressed from here: the feedback's own contact, else the customer's latest.
-- Deleted with the customer at erasure; rows observed before followup.contact-retention (when set)
-- are deleted by the retention job.
CREATE TABLE contact_directory (
    feedback_id  UUID         PRIMARY KEY,
    customer_id  VARCHAR(100) NOT NULL,
    email        VARCHAR(254),
    phone        VARCHAR(32),
    name         VARCHAR(200),
    locale       VARCHAR(35),
    time_zone    VARCHAR(64),
    observed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contact_directory_customer ON contact_directory (customer_id, observed_at DESC);
CREATE INDEX contact_directory_observed ON contact_directory (observed_at);
