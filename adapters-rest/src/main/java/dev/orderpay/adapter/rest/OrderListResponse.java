package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.ListOrdersQuery;
import dev.orderpay.application.port.in.OrderPage;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of orders, with a {@code next} link while more remain. */
@Serdeable
@Schema(name = "OrderList")
record OrderListResponse(List<OrderResponse> orders,
                         @Schema(description = "A next link while more orders pass the filter") List<Link> links) {

    static OrderListResponse from(OrderPage page, ListOrdersQuery query) {
        List<Link> links = page.next()
                .map(cursor -> List.of(new Link("next", OrderPaths.page(query.limit(), query.filter(), cursor))))
                .orElse(List.of());
        return new OrderListResponse(page.orders().stream().map(OrderResponse::from).toList(), links);
    }
}
