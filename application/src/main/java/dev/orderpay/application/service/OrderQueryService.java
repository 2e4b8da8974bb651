package dev.orderpay.application.service;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.GetOrderUseCase;
import dev.orderpay.application.port.in.order.ListOrdersQuery;
import dev.orderpay.application.port.in.order.ListOrdersUseCase;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderPage;
import dev.orderpay.application.port.in.order.OrderTotalsUseCase;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;

import java.util.List;
import java.util.Optional;

public final class OrderQueryService implements GetOrderUseCase, ListOrdersUseCase, OrderTotalsUseCase {

    private final OrderRepository orders;

    OrderQueryService(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Order getOrder(OrderId id) {
        return orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    @Override
    public List<StatusChange> orderHistory(OrderId id) {
        getOrder(id);
        return orders.history(id);
    }

    @Override
    public List<CurrencyTotals> totals(TotalsQuery query) {
        return orders.totals(query);
    }

    @Override
    public OrderPage listOrders(ListOrdersQuery query) {
        // One more than asked tells whether another page exists without counting the table.
        List<Order> found = orders.findNewestFirst(query.filter(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new OrderPage(found, Optional.empty());
        }
        List<Order> page = found.subList(0, query.limit());
        return new OrderPage(page, Optional.of(OrderCursor.after(page.get(page.size() - 1))));
    }
}
