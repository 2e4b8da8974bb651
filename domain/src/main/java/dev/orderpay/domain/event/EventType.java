package dev.orderpay.domain.event;

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

    /** Whether an endpoint can subscribe to it: every type but the test event. */
    public boolean isSubscribable() {
        return this != PING;
    }
}
