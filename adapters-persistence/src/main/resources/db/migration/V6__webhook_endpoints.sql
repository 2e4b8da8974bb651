-- Webhook endpoints (issue 10): where the merchant is told about events, and the secrets those webhooks are signed
-- with. At most ORDERPAY_WEBHOOK_MAX_ENDPOINTS rows, so no index beyond the key: every query reads them all.
CREATE TABLE webhook_endpoints (
    id                         uuid        PRIMARY KEY,
    -- As the merchant gave it (at most 2048 characters); the webhook sender's rules allowed it.
    url                        text        NOT NULL,
    -- Every event type, including types added later; or only those in event_types, by their wire names
    -- (order.captured). No check on the names: a new type arrives with the code that sends it, not with a migration.
    all_event_types            boolean     NOT NULL,
    event_types                text[]      NULL,
    -- The merchant's own words for it, up to 255 characters.
    description                text        NULL,
    -- Why and since when a disabled endpoint receives nothing (the merchant, or deliveries that kept failing);
    -- both null while it is enabled.
    disabled_reason            text        NULL,
    disabled_at                timestamptz NULL,
    -- Stored exactly as the merchant was given it, not hashed: webhooks are signed with it. Never logged.
    secret                     text        NOT NULL,
    -- The secret the last rotation replaced, and when it stops signing beside the new one.
    previous_secret            text        NULL,
    previous_secret_expires_at timestamptz NULL,
    created_at                 timestamptz NOT NULL,
    -- Optimistic locking, as on orders: the merchant's changes and the delivery engine's disabling may race.
    version                    bigint      NOT NULL,
    CONSTRAINT webhook_endpoints_event_types_all_or_some
        CHECK (all_event_types = (event_types IS NULL) AND (event_types IS NULL OR cardinality(event_types) > 0)),
    CONSTRAINT webhook_endpoints_disabled_complete CHECK (num_nulls(disabled_reason, disabled_at) IN (0, 2)),
    CONSTRAINT webhook_endpoints_previous_secret_complete
        CHECK (num_nulls(previous_secret, previous_secret_expires_at) IN (0, 2))
);
