package dev.orderpay.application.port.in;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;

public interface GetOrderUseCase {

    /** @throws OrderNotFoundException if there is no such order */
    Order getOrder(OrderId id);
}
