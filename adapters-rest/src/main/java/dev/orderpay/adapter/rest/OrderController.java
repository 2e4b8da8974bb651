package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.CreateOrderUseCase;
import dev.orderpay.application.port.in.GetOrderUseCase;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.ListOrdersQuery;
import dev.orderpay.application.port.in.ListOrdersUseCase;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
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
import java.util.List;
import java.util.Optional;

/** Creating, reading and listing orders. Errors become problem details in {@link ProblemResponseProcessor}. */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {

    private static final String HISTORY = "history";

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

    /** {@code include=history} adds the status changes; it may be repeated or comma-separated. */
    @Get("/{id}")
    OrderResponse get(@PathVariable String id, @QueryValue @Nullable List<String> include) {
        OrderId orderId = OrderIds.fromPath(id);
        if (includesHistory(include)) {
            Order order = getOrder.getOrder(orderId);
            return OrderResponse.from(order, getOrder.orderHistory(orderId));
        }
        return OrderResponse.from(getOrder.getOrder(orderId));
    }

    @Get("/{id}/" + HISTORY)
    OrderHistoryResponse history(@PathVariable String id) {
        return new OrderHistoryResponse(StatusChangeResponse.from(getOrder.orderHistory(OrderIds.fromPath(id))));
    }

    private static boolean includesHistory(@Nullable List<String> include) {
        if (include == null || include.isEmpty()) {
            return false;
        }
        if (!include.stream().allMatch(HISTORY::equals)) {
            throw InvalidCommandException.of("include", "may only name " + HISTORY);
        }
        return true;
    }
}
