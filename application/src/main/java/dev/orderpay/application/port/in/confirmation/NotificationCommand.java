package dev.orderpay.application.port.in.confirmation;

import dev.orderpay.domain.OrderId;

import java.util.Objects;

public record NotificationCommand(OrderId orderId, InboundNotification notification) {

    public NotificationCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(notification, "notification");
    }
}
