-- The delivery claim (issue 10's benchmark) read every pending delivery twice per round: once to find the orders'
-- callbacks with a delivery due, once to count each endpoint's deliveries in flight. A backlog therefore drained ever
-- more slowly the longer it was. Both now read small partial indexes instead.

-- Whether the delivery goes to an order's callback_url rather than to one of the merchant's endpoints, copied from
-- its destination when it is made: the callbacks' due deliveries are found without reading the endpoints' backlog.
-- A constant default is only recorded in the catalogue; the update touches the callbacks' rows alone.
ALTER TABLE webhook_deliveries ADD COLUMN to_callback boolean NOT NULL DEFAULT false;
UPDATE webhook_deliveries d SET to_callback = true
FROM webhook_endpoints e
WHERE e.id = d.endpoint_id AND e.order_id IS NOT NULL;
CREATE INDEX webhook_deliveries_callbacks_due ON webhook_deliveries (next_attempt_at, id)
    WHERE state = 'PENDING' AND to_callback;

-- Deliveries claimed and not yet recorded: a few per endpoint at any time, counted by every claim.
CREATE INDEX webhook_deliveries_in_flight ON webhook_deliveries (endpoint_id, claimed_until)
    WHERE state = 'PENDING' AND claimed_until IS NOT NULL;
