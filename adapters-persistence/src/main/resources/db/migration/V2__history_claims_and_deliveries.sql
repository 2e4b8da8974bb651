-- Payment truth (issue 3): a checkout can expire, every status change is kept with where it came from,
-- reconciliation claims orders so that several instances never ask the provider about the same one, and
-- notification deliveries are remembered so that a retried delivery is recognised.

-- EXPIRED joins the statuses. The list must still match dev.orderpay.domain.OrderStatus exactly.
ALTER TABLE orders
    DROP CONSTRAINT orders_status_check,
    ADD CONSTRAINT orders_status_check CHECK (status IN
        ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'CAPTURED', 'DECLINED', 'FAILED', 'CANCELLED', 'EXPIRED'));

-- A lease, not order state: reconciliation owns the order until then, and another run may take it after that
-- (its owner may have died). Writing it leaves version alone, so a claim never makes a buyer's or a
-- notification's update of the same order look stale. Nullable without a default: adding it rewrites nothing.
ALTER TABLE orders ADD COLUMN reconcile_claimed_until timestamptz NULL;

-- Serves the reconciliation claim (WHERE status IN ('PENDING', 'ON_HOLD') AND created_at < ? ORDER BY created_at, id):
-- only orders still waiting for an outcome are indexed, a small and shrinking part of the table.
CREATE INDEX orders_awaiting_outcome ON orders (created_at, id) WHERE status IN ('PENDING', 'ON_HOLD');

-- Every status an order took, written in the transaction that changes the order: both or neither.
-- Rows are only ever inserted; the id gives their order, since two changes may carry the same time.
CREATE TABLE order_status_history (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id           uuid         NOT NULL REFERENCES orders (id),
    from_status        varchar(32)  NOT NULL,
    to_status          varchar(32)  NOT NULL,
    -- Must list exactly the values of dev.orderpay.domain.ChangeSource.
    source             varchar(32)  NOT NULL,
    -- The provider's payment or event id that proves the change; absent when nothing does (an API request).
    provider_reference text         NULL,
    occurred_at        timestamptz  NOT NULL,
    CONSTRAINT order_status_history_from_status_check CHECK (from_status IN
        ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'CAPTURED', 'DECLINED', 'FAILED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT order_status_history_to_status_check CHECK (to_status IN
        ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'CAPTURED', 'DECLINED', 'FAILED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT order_status_history_source_check CHECK (source IN
        ('CHECKOUT', 'REDIRECT', 'CALLBACK', 'RECONCILIATION', 'API'))
);

-- Serves one order's history, oldest first (WHERE order_id = ? ORDER BY id); also backs the foreign key.
CREATE INDEX order_status_history_by_order ON order_status_history (order_id, id);

-- Provider notification deliveries already handled. The provider retries a delivery until it is acknowledged,
-- so the same id can arrive more than once; the primary key makes recording it again a no-op.
CREATE TABLE notification_deliveries (
    delivery_id text        PRIMARY KEY,
    -- When it was first handled: what a later clean-up of old deliveries goes by.
    received_at timestamptz NOT NULL DEFAULT now()
);
