-- Managed API keys (issue 13): created, listed and revoked through the API, each with the scopes it grants. The key
-- itself is never stored, only its SHA-256 digest, which is what a presented key is looked up by; the first
-- characters of the key stay so people can tell their keys apart. Keys from ORDERPAY_API_KEYS are not in here.

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CONSTRAINT api_keys_name_check CHECK (char_length(name) BETWEEN 1 AND 100),
    digest       bytea       NOT NULL CONSTRAINT api_keys_digest_key UNIQUE
                             CONSTRAINT api_keys_digest_check CHECK (octet_length(digest) = 32),
    prefix       text        NOT NULL,
    -- Wire names (orders:read, ...); the service refuses to start a key with a scope it does not know.
    scopes       text[]      NOT NULL CONSTRAINT api_keys_scopes_check CHECK (cardinality(scopes) > 0),
    created_at   timestamptz NOT NULL,
    -- Written at most once a minute per key, not on every request.
    last_used_at timestamptz NULL,
    -- Set once, never cleared: a revoked key stays listed and never works again.
    revoked_at   timestamptz NULL
);
