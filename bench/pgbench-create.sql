-- The cost floor of a durable create: an order-shaped row inserted, then given its checkout, in one transaction.
-- Run with -M prepared (the harness does): :id is then sent as a parameter, not pasted into the text.
\set amount random(100, 100000)
BEGIN;
INSERT INTO orders (id, amount_minor, currency, receipt, status, created_at, updated_at, version)
    VALUES (gen_random_uuid(), :amount, 'NOK', 'pgbench', 'PENDING', now(), now(), 0) RETURNING id \gset
UPDATE orders SET session_id = 'T11223674.pgbench', session_url = 'https://checkout.example/v1/view/pgbench',
    updated_at = now(), version = version + 1 WHERE id = :id AND version = 0;
COMMIT;
