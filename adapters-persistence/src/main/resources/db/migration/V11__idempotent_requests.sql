-- Idempotency on every call that moves money (issue 13): capture, refund, cancel and webhook endpoints take an
-- Idempotency-Key as order creation does, and a repeat gets the first request's answer as it was given, not the
-- order as it stands now. So a key now keeps the request it was sent with, how far that request got, and its answer.
-- This table replaces idempotency_keys; the keys still live there move over (below).

CREATE TABLE idempotent_requests (
    -- A key is its client's own (the API key that sent it): the same text from two clients is two keys.
    client_id              text        NOT NULL,
    key                    text        NOT NULL,
    -- What the first request asked for: the same key sent for another operation, another order or other
    -- parameters (a digest of them) is refused.
    operation              varchar(32) NOT NULL CONSTRAINT idempotent_requests_operation_check CHECK (operation IN
                               ('CREATE_ORDER', 'CAPTURE', 'REFUND', 'CANCEL', 'CREATE_WEBHOOK_ENDPOINT')),
    target                 text        NULL,
    fingerprint            text        NOT NULL,
    -- RUNNING while its holder is at work; ANSWERED once the answer below is recorded; UNSETTLED when how it ended
    -- is not known (the provider's answer was lost, or the holder failed). A RUNNING request whose hold has passed
    -- counts as UNSETTLED too: its holder stopped. The next repeat of an unsettled request takes it over.
    state                  varchar(16) NOT NULL CONSTRAINT idempotent_requests_state_check CHECK (state IN
                               ('RUNNING', 'ANSWERED', 'UNSETTLED')),
    -- Which holder may record the outcome: one that was taken over writes nothing more.
    holder                 uuid        NOT NULL,
    held_until             timestamptz NOT NULL,
    -- The order or webhook endpoint the request creates, its id chosen before the key was claimed. No foreign key:
    -- the request may have stopped before storing it.
    resource_id            uuid        NULL,
    -- The capture, refund or cancellation the request started (dev.orderpay.domain.PendingOperation), recorded
    -- before the order reserved it, so whoever settles the request knows what to look for.
    started_operation      varchar(16) NULL CONSTRAINT idempotent_requests_started_operation_check CHECK
                               (started_operation IN ('CAPTURE', 'REFUND', 'CANCEL')),
    started_amount_minor   bigint      NULL,
    started_baseline_minor bigint      NULL,
    started_currency       char(3)     NULL,
    started_at             timestamptz NULL,
    -- The answer exactly as it was given (text, not jsonb, which would reorder and respace it).
    answer_status          smallint    NULL,
    answer_location        text        NULL,
    answer_body            text        NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    -- After this the key is free again: the next claim takes the row over.
    expires_at             timestamptz NOT NULL,
    PRIMARY KEY (client_id, key),
    CONSTRAINT idempotent_requests_started_complete CHECK (num_nulls(started_operation, started_amount_minor,
        started_baseline_minor, started_currency, started_at) IN (0, 5)),
    CONSTRAINT idempotent_requests_answered_with_answer CHECK
        ((state = 'ANSWERED') = (answer_status IS NOT NULL AND answer_body IS NOT NULL))
);

-- For housekeeping's deletion of expired keys, which then reads only those rows.
CREATE INDEX idempotent_requests_expiry ON idempotent_requests (expires_at);

-- The keys of orders created before this migration. Their answers were never recorded, so each moves over as
-- unsettled: its next repeat settles it from its order, as the service used to answer (201 with the order, 502 for a
-- FAILED one whose checkout never opened), and records that answer.
INSERT INTO idempotent_requests (client_id, key, operation, target, fingerprint, state, holder, held_until,
                                 resource_id, expires_at)
SELECT client_id, key, 'CREATE_ORDER', NULL, fingerprint, 'UNSETTLED', gen_random_uuid(), now(), order_id, expires_at
FROM idempotency_keys
WHERE expires_at > now();

DROP TABLE idempotency_keys;
