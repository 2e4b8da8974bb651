-- Webhook deliveries (issue 10): one row per event and endpoint, inserted in the transaction that stores the event
-- (so an event can never be left undelivered by a crash), plus one per redelivery a merchant asks for; and one row
-- per attempt. The delivery engine claims due rows with a lease, as reconciliation claims orders.
CREATE TABLE webhook_deliveries (
    id               uuid        PRIMARY KEY,
    -- A deleted endpoint's deliveries go with it; an event removed after its retention takes its deliveries along.
    event_id         uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- Copied from the event: an order's events go to each endpoint in sequence, which the claim checks here alone.
    order_id         uuid        NOT NULL,
    sequence         bigint      NOT NULL,
    state            varchar(16) NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- When it is due: the event's time at first, then each retry's. Only a pending delivery has one.
    next_attempt_at  timestamptz NULL,
    -- The lease of the instance sending it now; an expired one is free to take.
    claimed_until    timestamptz NULL,
    created_at       timestamptz NOT NULL,
    -- A redelivery to the same endpoint was made later: the events API judges an event by the latest delivery to
    -- each endpoint, so one that failed and was then redelivered with success counts as delivered.
    superseded       boolean     NOT NULL DEFAULT false,
    -- The last attempt's outcome, also kept with every attempt in webhook_delivery_attempts.
    last_attempt_at  timestamptz NULL,
    last_status_code integer     NULL,
    last_error       text        NULL,
    CONSTRAINT webhook_deliveries_due_while_pending CHECK ((state = 'PENDING') = (next_attempt_at IS NOT NULL))
);

-- The claim: an enabled endpoint's pending deliveries, oldest due first, and how many it has claimed already.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, next_attempt_at, id) WHERE state = 'PENDING';
-- The ordering check: does an earlier event of the same order still wait for this endpoint?
CREATE INDEX webhook_deliveries_pending_per_order ON webhook_deliveries (endpoint_id, order_id, sequence)
    WHERE state = 'PENDING';
-- An event's deliveries (the events API, its delivery filter, and the cascade from events). No index serves the
-- cascade from an endpoint: deleting one is rare, and scans the deliveries once.
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_delivery_attempts (
    delivery_id     uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    -- 1 for the first attempt, 2 for the first retry...
    number          integer     NOT NULL CHECK (number > 0),
    attempted_at    timestamptz NOT NULL,
    -- The receiver's status, or why there was none ("could not connect: Connection refused").
    status_code     integer     NULL,
    error           text        NULL,
    latency_ms      integer     NOT NULL CHECK (latency_ms >= 0),
    -- The start of the answer's body (a few hundred characters at most), when it answered.
    body_excerpt    text        NULL,
    -- When the delivery was to be tried again after this attempt; null when it was not.
    next_attempt_at timestamptz NULL,
    PRIMARY KEY (delivery_id, number),
    CONSTRAINT webhook_delivery_attempts_answer_or_error CHECK (num_nulls(status_code, error) = 1)
);

-- The endpoint's current run of failed attempts: when it began (its first failure since its last success) and the
-- endpoint's version then, so that a change to the endpoint (enabling it again, a new URL) starts the count anew.
-- An endpoint whose run is older than ORDERPAY_WEBHOOK_DISABLE_AFTER is disabled. Written by the delivery engine
-- alone, and without moving the version: the merchant's changes never conflict with it.
ALTER TABLE webhook_endpoints ADD COLUMN failing_since timestamptz NULL;
ALTER TABLE webhook_endpoints ADD COLUMN failing_since_version bigint NULL;
