-- Per-order callbacks (issue 10): an order may name a callback_url where its events also go. The delivery engine
-- knows only endpoints, so each such order gets a destination row of its own in webhook_endpoints, inserted with the
-- order: its deliveries are then made, claimed, ordered, retried and recorded exactly like an endpoint's. The
-- merchant never sees these rows as endpoints (no listing, no limit, no disabling); they sign with the service-wide
-- ORDERPAY_CALLBACK_SIGNING_SECRET, read from the configuration when sending and never stored.

-- As the merchant gave it (at most 2048 characters); the webhook sender's rules allowed it.
ALTER TABLE orders ADD COLUMN callback_url text NULL;

-- The order whose callback the row is; null for the merchant's endpoints. Orders are not deleted, but should one be,
-- its callback and deliveries go with it.
ALTER TABLE webhook_endpoints ADD COLUMN order_id uuid NULL REFERENCES orders (id) ON DELETE CASCADE;
ALTER TABLE webhook_endpoints ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_secret_unless_callback
    CHECK ((order_id IS NULL) = (secret IS NOT NULL));
-- An order has one callback, and the fan-out finds it by the order's id.
CREATE UNIQUE INDEX webhook_endpoints_order_callback ON webhook_endpoints (order_id) WHERE order_id IS NOT NULL;
-- The merchant's endpoints (at most ORDERPAY_WEBHOOK_MAX_ENDPOINTS) among every order's callback: what the fan-out,
-- the claim and the endpoints API read.
CREATE INDEX webhook_endpoints_merchants ON webhook_endpoints (created_at, id) WHERE order_id IS NULL;
