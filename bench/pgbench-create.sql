-- The cost floor of a durable create: the statements and commits of one bare POST /orders of the service (compared
-- with PostgreSQL's statement log, log_statement = all, for one create at commit 220e38f), without the provider call
-- between them. The order row is inserted on its own (one commit), every column written as Micronaut Data's insert
-- writes them; then, in one transaction, it is given its checkout (the columns Micronaut Data's update writes), its
-- order.created event is stored with a payload of the same shape and size as the service renders, and the event's
-- webhook deliveries are fanned out with the service's own statement (none while no endpoint is registered).
-- Run with -M prepared (the harness does): :id and :amount are then sent as parameters, not pasted into the text.
\set amount random(100, 100000)
INSERT INTO orders (amount_minor, currency, receipt, callback_url, status, session_id, session_url, payment_id,
                    captured_minor, refunded_minor, pending_operation, pending_amount_minor, pending_baseline_minor,
                    pending_started_at, pending_lines, created_at, updated_at, creation_held_until,
                    last_event_sequence, line_count, customer_email, customer, shipping_address, billing_address,
                    metadata, version, id)
    VALUES (:amount, 'NOK', 'pgbench', NULL, 'PENDING', NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL,
            to_json(NULL::json), now(), now(), now() + interval '6 minutes', 0, 0, NULL, to_json(NULL::json),
            to_json(NULL::json), to_json(NULL::json), to_json('{}'::json), 0, gen_random_uuid())
    RETURNING id \gset
BEGIN;
UPDATE orders SET amount_minor = :amount, currency = 'NOK', receipt = 'pgbench', callback_url = NULL,
    status = 'PENDING', session_id = 'T11223674.pgbench', session_url = 'https://checkout.example/v1/view/pgbench',
    payment_id = NULL, captured_minor = 0, refunded_minor = 0, pending_operation = NULL, pending_amount_minor = NULL,
    pending_baseline_minor = NULL, pending_started_at = NULL, pending_lines = to_json(NULL::json),
    created_at = created_at, updated_at = now(), creation_held_until = NULL, last_event_sequence = 1, version = 1
    WHERE id = :id AND version = 0;
INSERT INTO events (type, order_id, sequence, created_at, payload, id)
SELECT 'order.created', order_id, 1, created_at,
       json_build_object('id', id, 'type', 'order.created', 'created_at', created_at, 'api_version', '1.0',
           'order_id', order_id, 'sequence', 1, 'data_complete', true,
           'data', json_build_object('id', order_id, 'created_at', created_at, 'amount', CAST(:amount AS bigint),
               'currency', 'NOK', 'receipt', 'pgbench', 'status', 'PENDING', 'captured_amount', 0, 'refunded_amount', 0,
               'links', json_build_array(json_build_object('rel', 'session_link',
                   'href', 'https://checkout.example/v1/view/pgbench')),
               'line_count', 0, 'items', json_build_array(), 'metadata', json_build_object()))::text,
       id
FROM (SELECT gen_random_uuid() AS id, CAST(:id AS uuid) AS order_id, now() AS created_at) event;
INSERT INTO webhook_deliveries
    (id, event_id, endpoint_id, order_id, sequence, state, attempts, next_attempt_at, created_at, to_callback)
SELECT gen_random_uuid(), ev.id, ep.id, ev.order_id, ev.sequence, 'PENDING', 0, ev.created_at, ev.created_at, false
FROM events ev
JOIN webhook_endpoints ep
  ON ep.order_id IS NULL AND ep.disabled_reason IS NULL
 AND (ep.all_event_types OR ev.type = ANY (ep.event_types))
WHERE ev.order_id = :id AND ev.sequence BETWEEN 1 AND 1
UNION ALL
SELECT gen_random_uuid(), ev.id, ep.id, ev.order_id, ev.sequence, 'PENDING', 0, ev.created_at, ev.created_at, true
FROM events ev
JOIN webhook_endpoints ep ON ep.order_id = ev.order_id
WHERE ev.order_id = :id AND ev.sequence BETWEEN 1 AND 1;
COMMIT;
