-- A creation holds its order from reconciliation while the provider may still be opening its checkout (ADR 9):
-- without a session, the order looks like one whose creation was cut short, which reconciliation fails. The
-- claim passes over an order until this time; the creation's own update, which stores the outcome, clears it.
-- Not the reconciliation lease (reconcile_claimed_until): that one is reconciliation's and no order update may
-- overwrite it. Nullable without a default, so adding it rewrites nothing and existing orders are not held.
ALTER TABLE orders ADD COLUMN creation_held_until timestamptz NULL;
