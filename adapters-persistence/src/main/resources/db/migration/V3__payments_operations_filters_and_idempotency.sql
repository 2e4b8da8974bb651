-- Merchant API (issue 4): an order carries its provider payment, the amounts captured and refunded so far, and the
-- capture, refund or cancellation under way at the provider; listings filter; totals are summed; creation requests
-- carry idempotency keys.

-- The statuses of partial and full capture and refund join. The list must still match dev.orderpay.domain.OrderStatus.
ALTER TABLE orders
    DROP CONSTRAINT orders_status_check,
    ADD CONSTRAINT orders_status_check CHECK (status IN
        ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'PARTIALLY_CAPTURED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED',
         'DECLINED', 'FAILED', 'CANCELLED', 'EXPIRED'));

-- Existing orders start with no payment and nothing captured or refunded (captured ones are put right below). A
-- constant default is only recorded in the catalogue, so adding these columns rewrites no row.
ALTER TABLE orders
    -- The provider's id; its length is the provider's business, hence text.
    ADD COLUMN payment_id     text   NULL,
    ADD COLUMN captured_minor bigint NOT NULL DEFAULT 0,
    ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0,
    -- Money moves one way: nothing is refunded that was not captured, nothing captured that was not ordered.
    ADD CONSTRAINT orders_amounts_in_order
        CHECK (0 <= refunded_minor AND refunded_minor <= captured_minor AND captured_minor <= amount_minor);

-- Before partial captures existed, CAPTURED meant the whole amount; without this, such an order could not be
-- refunded and the totals would count nothing captured for it. The payment id stays unknown until the provider
-- next reports on the order.
UPDATE orders SET captured_minor = amount_minor WHERE status = 'CAPTURED';

-- The operation this service asked the provider for and has not yet seen done (dev.orderpay.domain.PendingOperation):
-- while it is set, no other may start. The amounts of a cancellation are 0.
ALTER TABLE orders
    ADD COLUMN pending_operation      varchar(16) NULL
        CONSTRAINT orders_pending_operation_check CHECK (pending_operation IN ('CAPTURE', 'REFUND', 'CANCEL')),
    ADD COLUMN pending_amount_minor   bigint      NULL CHECK (pending_amount_minor >= 0),
    ADD COLUMN pending_baseline_minor bigint      NULL CHECK (pending_baseline_minor >= 0),
    ADD COLUMN pending_started_at     timestamptz NULL,
    -- An operation is known in full or not at all.
    ADD CONSTRAINT orders_pending_operation_complete
        CHECK (num_nulls(pending_operation, pending_amount_minor, pending_baseline_minor, pending_started_at) IN (0, 4));

ALTER TABLE order_status_history
    DROP CONSTRAINT order_status_history_from_status_check,
    ADD CONSTRAINT order_status_history_from_status_check CHECK (from_status IN
        ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'PARTIALLY_CAPTURED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED',
         'DECLINED', 'FAILED', 'CANCELLED', 'EXPIRED')),
    DROP CONSTRAINT order_status_history_to_status_check,
    ADD CONSTRAINT order_status_history_to_status_check CHECK (to_status IN
        ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'PARTIALLY_CAPTURED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED',
         'DECLINED', 'FAILED', 'CANCELLED', 'EXPIRED'));

-- Listing filters. Each index leads with the column a filter fixes and then holds the keyset order, so a page of
-- one status, one currency or one receipt is read in order straight from the cursor and stops at the limit instead
-- of sorting every match. A period alone, or several statuses, use orders_newest_first (V1) and skip the rows
-- that do not pass; the planner picks between them on the statistics.
CREATE INDEX orders_by_status_newest_first ON orders (status, created_at DESC, id DESC);
CREATE INDEX orders_by_currency_newest_first ON orders (currency, created_at DESC, id DESC);
-- A merchant looks an order up by its own receipt: nearly unique, so this finds it among millions at once.
CREATE INDEX orders_by_receipt_newest_first ON orders (receipt, created_at DESC, id DESC);

-- Reconciliation now also claims orders with an operation pending at the provider, whatever their status. The claim
-- query repeats this predicate as written, which is how the planner knows the partial index covers it; the index
-- holds only the orders that still need the provider, a small part of the table.
DROP INDEX orders_awaiting_outcome;
CREATE INDEX orders_unsettled ON orders (created_at, id)
    WHERE status IN ('PENDING', 'ON_HOLD') OR pending_operation IS NOT NULL;

-- Which order a client's idempotency key created. The key is claimed before the order is stored, so order_id
-- has no foreign key: it may name an order that is still being written (or never was, if that request died).
CREATE TABLE idempotency_keys (
    client_id   text        NOT NULL,
    key         text        NOT NULL,
    -- A digest of the first request, to tell a repeat from a different request under the same key.
    fingerprint text        NOT NULL,
    order_id    uuid        NOT NULL,
    -- After this the key is free again: the next claim takes the row over.
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (client_id, key)
);

-- For a later clean-up of expired keys (DELETE ... WHERE expires_at < now()), which then reads only those rows.
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
