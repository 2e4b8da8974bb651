package dev.orderpay.domain.event;

import dev.orderpay.domain.OrderStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a merchant is told about: each event has one of these types, and a webhook endpoint subscribes to some or
 * all of them. {@link #PING} is the test event an endpoint can be sent on demand; nobody subscribes to it.
 */
public enum EventType {
    ORDER_CREATED("order.created"),
    ORDER_ON_HOLD("order.on_hold"),
    ORDER_AUTHORIZED("order.authorized"),
    ORDER_DECLINED("order.declined"),
    ORDER_FAILED("order.failed"),
    ORDER_CANCELLED("order.cancelled"),
    ORDER_EXPIRED("order.expired"),
    ORDER_PARTIALLY_CAPTURED("order.partially_captured"),
    ORDER_CAPTURED("order.captured"),
    ORDER_PARTIALLY_REFUNDED("order.partially_refunded"),
    ORDER_REFUNDED("order.refunded"),
    OPERATION_FAILED("operation.failed"),
    PING("ping");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name merchants see, such as {@code order.authorized}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** The event an order gives when it reaches {@code status}, or when money moves while it stays there. */
    public static EventType reporting(OrderStatus status) {
        return switch (status) {
            case PENDING -> throw new IllegalArgumentException("an order never returns to PENDING");
            case ON_HOLD -> ORDER_ON_HOLD;
            case AUTHORIZED -> ORDER_AUTHORIZED;
            case PARTIALLY_CAPTURED -> ORDER_PARTIALLY_CAPTURED;
            case CAPTURED -> ORDER_CAPTURED;
            case PARTIALLY_REFUNDED -> ORDER_PARTIALLY_REFUNDED;
            case REFUNDED -> ORDER_REFUNDED;
            case DECLINED -> ORDER_DECLINED;
            case FAILED -> ORDER_FAILED;
            case CANCELLED -> ORDER_CANCELLED;
            case EXPIRED -> ORDER_EXPIRED;
        };
    }

    /** Whether an endpoint can subscribe to it: every type but the test event. */
    public boolean isSubscribable() {
        return this != PING;
    }
}
