-- Issue 18: a feedback copy says when its customer was erased (its customer_id is then their
-- pseudonym). It still counts in the numbers, but improvement actions neither link nor announce it,
-- and a categorization that arrives late never fills it again.
ALTER TABLE feedback_copy ADD COLUMN customer_erased_at TIMESTAMPTZ;
-- copies erased before this column existed carry the pseudonym of that time
UPDATE feedback_copy SET customer_erased_at = updated_at WHERE customer_id LIKE 'erased-%';
