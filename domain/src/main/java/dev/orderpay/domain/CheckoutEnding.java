package dev.orderpay.domain;

/**
 * How a checkout ended without a payment: the buyer cancelled, the payment was declined or failed, or the checkout
 * lapsed. Only these can settle an order without money ({@link Order#settleWithoutPayment}), so no other status can
 * be passed there by mistake.
 */
public enum CheckoutEnding {
    CANCELLED(OrderStatus.CANCELLED),
    DECLINED(OrderStatus.DECLINED),
    FAILED(OrderStatus.FAILED),
    EXPIRED(OrderStatus.EXPIRED);

    private final OrderStatus status;

    CheckoutEnding(OrderStatus status) {
        this.status = status;
    }

    /** The status an order settled this way takes. */
    public OrderStatus toStatus() {
        return status;
    }
}
