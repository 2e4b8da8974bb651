-- The cost floor of a durable create: the statements and commits of one POST /orders of the service (checked
-- against PostgreSQL's statement log), without the provider call between them. The order row is inserted on its own
-- (one commit); then, in one transaction, it is given its checkout (every column written, as Micronaut Data's update
-- does), its order.created event is stored with a payload of the same shape and size as the service renders, and the
-- event's webhook deliveries are fanned out with the service's own statement (none while no endpoint is registered).
-- Run with -M prepared (the harness does): :id and :amount are then sent as parameters, not pasted into the text.
\set amount random(100, 100000)
INSERT INTO orders (id, amount_minor, currency, receipt, status, session_id, session_url, payment_id, captured_minor,
                    refunded_minor, pending_operation, pending_amount_minor, pending_baseline_minor, pending_started_at,
                    created_at, updated_at, creation_held_until, last_event_sequence, version)
    VALUES (gen_random_uuid(), :amount, 'NOK', 'pgbench', 'PENDING', NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL,
            now(), now(), now() + interval '6 minutes', 0, 0) RETURNING id \gset
BEGIN;
UPDATE orders SET amount_minor = :amount, currency = 'NOK', receipt = 'pgbench', status = 'PENDING',
    session_id = 'T11223674.pgbench', session_url = 'https://checkout.example/v1/view/pgbench', payment_id = NULL,
    captured_minor = 0, refunded_minor = 0, pending_operation = NULL, pending_amount_minor = NULL,
    pending_baseline_minor = NULL, pending_started_at = NULL, created_at = created_at, updated_at = now(),
    creation_held_until = NULL, last_event_sequence = 1, version = 1
    WHERE id = :id AND version = 0;
WITH event AS (SELECT gen_random_uuid() AS id, CAST(:id AS uuid) AS order_id, now() AS created_at)
INSERT INTO events (id, type, order_id, sequence, created_at, payload)
SELECT id, 'order.created', order_id, 1, created_at,
       json_build_object('id', id, 'type', 'order.created', 'created_at', created_at, 'api_version', '1.0',
           'order_id', order_id, 'sequence', 1,
           'data', json_build_object('id', order_id, 'created_at', created_at, 'amount', CAST(:amount AS bigint),
               'currency', 'NOK', 'receipt', 'pgbench', 'status', 'PENDING', 'captured_amount', 0, 'refunded_amount', 0,
               'links', json_build_array(json_build_object('rel', 'session_link',
                   'href', 'https://checkout.example/v1/view/pgbench'))))::text
FROM event;
INSERT INTO webhook_deliveries
    (id, event_id, endpoint_id, order_id, sequence, state, attempts, next_attempt_at, created_at)
SELECT gen_random_uuid(), ev.id, ep.id, ev.order_id, ev.sequence, 'PENDING', 0, ev.created_at, ev.created_at
FROM events ev
JOIN webhook_endpoints ep
  ON ep.disabled_reason IS NULL AND (ep.all_event_types OR ev.type = ANY (ep.event_types))
WHERE ev.order_id = :id AND ev.sequence BETWEEN 1 AND 1;
COMMIT;
