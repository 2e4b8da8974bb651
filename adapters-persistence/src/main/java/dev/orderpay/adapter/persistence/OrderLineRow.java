package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of {@code order_lines}; amounts in minor units of the order's currency. Besides the line as given, what
 * captures and refunds by line have moved of it (V16).
 *
 * @param orderVersion the order's version as the statement that read this line saw it: the lines are as that
 *                     version left them, since every change that moves a line bumps the version in its transaction
 */
@Introspected
record OrderLineRow(UUID orderId, int position, String lineId, String description, BigDecimal quantity,
                    long amountMinor, BigDecimal vat, long vatAmountMinor, @Nullable String sku,
                    BigDecimal capturedQuantity, long capturedMinor, long capturedVatMinor,
                    BigDecimal refundedQuantity, long refundedMinor, long refundedVatMinor, long orderVersion) {
}
