package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;

import java.util.List;

public interface GetOrderUseCase {

    /** @throws OrderNotFoundException if there is no such order */
    Order getOrder(OrderId id);

    /**
     * The order's status changes, oldest first.
     *
     * @throws OrderNotFoundException if there is no such order
     */
    List<StatusChange> orderHistory(OrderId id);
}
