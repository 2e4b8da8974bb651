-- One row per order. The domain checks every value first; these constraints keep the table honest
-- against anything else that writes to it (a hand-run fix, a future migration, a bug).
CREATE TABLE orders (
    id           uuid         PRIMARY KEY,
    -- Minor units (øre, cents) as a whole number: money never goes through floating point.
    amount_minor bigint       NOT NULL CHECK (amount_minor > 0),
    -- ISO 4217 code; the number of decimals follows from it, so it is not stored.
    currency     char(3)      NOT NULL,
    receipt      varchar(255) NOT NULL,
    -- Must list exactly the values of dev.orderpay.domain.OrderStatus.
    status       varchar(32)  NOT NULL CHECK (status IN
                     ('PENDING', 'ON_HOLD', 'AUTHORIZED', 'CAPTURED', 'DECLINED', 'FAILED', 'CANCELLED')),
    -- The provider's checkout: absent until it is opened. Lengths are the provider's business, hence text.
    session_id   text         NULL,
    session_url  text         NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    -- Optimistic locking: an update only applies if nobody changed the row since it was read.
    version      bigint       NOT NULL,
    -- A checkout has both an id and a link, or it does not exist.
    CONSTRAINT orders_session_complete CHECK ((session_id IS NULL) = (session_url IS NULL))
);

-- Serves the newest-first keyset listing: WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC.
CREATE INDEX orders_newest_first ON orders (created_at DESC, id DESC);
