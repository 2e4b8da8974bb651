-- The audit log (issue 13): who asked for which sensitive action, when, on what. Each row is written in the
-- transaction of the change it describes (ADR 17). It holds ids and amounts only: the actor is the client's id (a
-- managed key's id, or key- and the start of an environment key's digest), never a key; no personal data.

CREATE TABLE audit_log (
    id           uuid        PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL CONSTRAINT audit_log_actor_check CHECK (char_length(actor) BETWEEN 1 AND 128),
    -- Wire names: payment.capture_requested, webhook_endpoint.created, api_key.revoked, ...
    action       text        NOT NULL,
    -- order, webhook_endpoint, event or api_key: what target_id names.
    target_type  text        NOT NULL,
    target_id    text        NOT NULL,
    -- The Request-Id of the request that asked, to find its log lines.
    request_id   text        NOT NULL CONSTRAINT audit_log_request_id_check
                             CHECK (char_length(request_id) BETWEEN 1 AND 128),
    -- Only for an action that moves money (a capture or a refund asked for).
    amount_minor bigint      NULL,
    currency     char(3)     NULL,
    CONSTRAINT audit_log_amount_check CHECK ((amount_minor IS NULL) = (currency IS NULL))
);

-- GET /audit-log pages newest first by (occurred_at, id); retention deletes from the old end of the same index.
CREATE INDEX audit_log_newest_first ON audit_log (occurred_at DESC, id DESC);
-- The filters by action and by actor, each walked in the listing's order.
CREATE INDEX audit_log_by_action ON audit_log (action, occurred_at DESC, id DESC);
CREATE INDEX audit_log_by_actor ON audit_log (actor, occurred_at DESC, id DESC);
