package dev.orderpay.domain;

import dev.orderpay.domain.contents.LineShortfall;

/** Thrown when a capture or refund asks for more of a line than is left of it. */
public class LineOverdrawnException extends IllegalStatusTransitionException {

    private final transient LineShortfall shortfall;

    public LineOverdrawnException(OrderId orderId, OrderStatus current, LineShortfall shortfall) {
        super(orderId, current, shortfall.operation() + " " + shortfall.asked() + " of line " + shortfall.lineId()
                + ": only " + shortfall.left() + " is left");
        this.shortfall = shortfall;
    }

    public LineShortfall shortfall() {
        return shortfall;
    }
}
