package dev.orderpay.application.port.in.order;

public interface ListOrdersUseCase {

    /** One page of orders, newest first, with a cursor to the next page when there is one. */
    OrderPage listOrders(ListOrdersQuery query);
}
