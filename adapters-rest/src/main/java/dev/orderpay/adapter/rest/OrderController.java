package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.CreateOrderUseCase;
import dev.orderpay.application.port.in.GetOrderUseCase;
import dev.orderpay.application.port.in.ListOrdersQuery;
import dev.orderpay.application.port.in.ListOrdersUseCase;
import dev.orderpay.domain.Order;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.Optional;

/** Creating, reading and listing orders. Errors become problem details in {@link ProblemResponseProcessor}. */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {

    private final CreateOrderUseCase createOrder;
    private final GetOrderUseCase getOrder;
    private final ListOrdersUseCase listOrders;

    OrderController(CreateOrderUseCase createOrder, GetOrderUseCase getOrder, ListOrdersUseCase listOrders) {
        this.createOrder = createOrder;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
    }

    @Post
    HttpResponse<OrderResponse> create(@Body CreateOrderRequest request) {
        Order order = createOrder.createOrder(request.toCommand());
        return HttpResponse.created(OrderResponse.from(order), URI.create(OrderPaths.order(order.id())));
    }

    @Get
    OrderListResponse list(@QueryValue(defaultValue = "" + ListOrdersQuery.DEFAULT_LIMIT)
                           @Min(1) @Max(ListOrdersQuery.MAX_LIMIT) int limit,
                           @QueryValue @Nullable String cursor) {
        ListOrdersQuery query = new ListOrdersQuery(limit, Optional.ofNullable(cursor).map(OrderCursorCodec::decode));
        return OrderListResponse.from(listOrders.listOrders(query), limit);
    }

    @Get("/{id}")
    OrderResponse get(@PathVariable String id) {
        return OrderResponse.from(getOrder.getOrder(OrderIds.fromPath(id)));
    }
}
