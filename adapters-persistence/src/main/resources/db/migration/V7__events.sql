-- What merchants are told (issue 10): one row per event, written in the transaction of the change it reports (a
-- transactional outbox), so a change without its event or an event without its change cannot be stored. Rows are
-- never updated; housekeeping removes them after their retention.

-- The last sequence number an order gave an event; its next event takes the one after. It is written with the order's
-- version check, so two racing changes can never both take the same number and the numbers have no gaps. Orders
-- stored before events existed start from 0. A constant default rewrites no row.
ALTER TABLE orders ADD COLUMN last_event_sequence bigint NOT NULL DEFAULT 0 CHECK (last_event_sequence >= 0);

CREATE TABLE events (
    id         uuid        PRIMARY KEY,
    -- The wire name, such as order.authorized (dev.orderpay.domain.event.EventType).
    type       varchar(64) NOT NULL,
    order_id   uuid        NOT NULL REFERENCES orders (id),
    sequence   bigint      NOT NULL CHECK (sequence > 0),
    created_at timestamptz NOT NULL,
    -- The event exactly as merchants receive it, rendered once with the order as it stood: text keeps the bytes.
    payload    text        NOT NULL,
    -- Also the index for an order's events in sequence order and for the order_id filter.
    CONSTRAINT events_sequence_unique_per_order UNIQUE (order_id, sequence)
);

-- Serves the newest-first keyset listing, as orders_newest_first does for orders.
CREATE INDEX events_newest_first ON events (created_at DESC, id DESC);
