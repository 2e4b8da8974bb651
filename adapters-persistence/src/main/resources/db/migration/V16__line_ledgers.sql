-- Capture and refund by line (issue 12, docs/adr/0019-line-ledgers.md). Each line keeps what this service's
-- captures and refunds have moved of it, in quantity, amount and VAT; an order stored before has moved nothing of any
-- line (constant defaults, so adding the columns rewrites no row). Only an order's update that moves lines writes
-- them, and only the lines moved.
ALTER TABLE order_lines
    ADD COLUMN captured_quantity  numeric(13,3) NOT NULL DEFAULT 0,
    ADD COLUMN captured_minor     bigint        NOT NULL DEFAULT 0,
    ADD COLUMN captured_vat_minor bigint        NOT NULL DEFAULT 0,
    ADD COLUMN refunded_quantity  numeric(13,3) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_minor     bigint        NOT NULL DEFAULT 0,
    ADD COLUMN refunded_vat_minor bigint        NOT NULL DEFAULT 0,
    -- The same order as the orders table keeps for the whole payment: 0 <= refunded <= captured <= the line.
    ADD CONSTRAINT order_lines_moved_check CHECK (
        0 <= refunded_quantity AND refunded_quantity <= captured_quantity AND captured_quantity <= quantity
        AND 0 <= refunded_minor AND refunded_minor <= captured_minor AND captured_minor <= amount_minor
        AND 0 <= refunded_vat_minor AND refunded_vat_minor <= captured_vat_minor
        AND captured_vat_minor <= vat_amount_minor);

-- What a pending capture or refund moves of each line, applied to the lines above in the update that sees the
-- provider confirm it: an array of {line_id, quantity, amount_minor, vat_amount_minor}, the quantity as text so no
-- decimal passes through a floating-point type. Null for an operation by amount alone, and when none is pending.
ALTER TABLE orders
    ADD COLUMN pending_lines jsonb NULL
        CONSTRAINT orders_pending_lines_check
            CHECK (pending_lines IS NULL OR (jsonb_typeof(pending_lines) = 'array' AND pending_operation IS NOT NULL));
