package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.domain.contents.LineMovement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.math.BigDecimal;
import java.util.List;

/**
 * One order line in a capture or refund ({@code items}, Dintero's OrderItem with {@code line_id} and {@code amount}
 * required): what the operation moves of the line, in minor units. A line moved by amount alone moves no quantity,
 * so it has none. The operation's amount fits in 32 bits, so each line's part of it does too.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record DinteroOperationItem(String lineId, @Nullable BigDecimal quantity, int amount, int vatAmount) {

    /** Null for none, so that an operation by amount alone sends no {@code items}. */
    static @Nullable List<DinteroOperationItem> of(List<LineMovement> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        return lines.stream()
                .map(line -> new DinteroOperationItem(line.lineId(),
                        line.quantity().signum() == 0 ? null : line.quantity(),
                        Math.toIntExact(line.amount().minorUnits()), Math.toIntExact(line.vatAmount().minorUnits())))
                .toList();
    }
}
