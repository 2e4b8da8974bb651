package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.application.port.in.order.ListOrdersQuery;
import dev.orderpay.application.port.in.order.OrderPage;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** One page of orders, with a {@code next} link while more remain; both lists are sent even when empty. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "OrderList")
record OrderListResponse(List<OrderResponse> orders,
                         @Schema(requiredMode = REQUIRED, description = "A next link while more orders pass the filter")
                         List<Link> links) {

    static OrderListResponse from(OrderPage page, ListOrdersQuery query) {
        List<Link> links = page.next()
                .map(cursor -> List.of(new Link("next", OrderPaths.page(query.limit(), query.filter(), cursor))))
                .orElse(List.of());
        return new OrderListResponse(page.orders().stream().map(OrderResponse::from).toList(), links);
    }
}
