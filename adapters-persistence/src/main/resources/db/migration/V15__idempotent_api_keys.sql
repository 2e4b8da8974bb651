-- Creating an API key takes an Idempotency-Key as creating a webhook endpoint does (issue 13); its repeat is answered
-- without the key itself, which is never stored.
ALTER TABLE idempotent_requests DROP CONSTRAINT idempotent_requests_operation_check;
ALTER TABLE idempotent_requests ADD CONSTRAINT idempotent_requests_operation_check CHECK (operation IN
    ('CREATE_ORDER', 'CAPTURE', 'REFUND', 'CANCEL', 'CREATE_WEBHOOK_ENDPOINT', 'CREATE_API_KEY'));
