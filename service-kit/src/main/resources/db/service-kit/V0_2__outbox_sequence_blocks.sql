-- Hibernate takes outbox ids from the sequence in blocks of 50 (pooled optimizer) so that bulk
-- writes can send their outbox inserts to PostgreSQL in JDBC batches.
ALTER SEQUENCE outbox_event_sequence_seq INCREMENT BY 50;
