-- Hibernate takes loop_step ids in blocks of 50 so that bulk imports insert in JDBC batches.
ALTER SEQUENCE loop_step_id_seq INCREMENT BY 50;

-- Optimistic locking of feedback rows (late comments racing loop-progress events).
ALTER TABLE feedback ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
