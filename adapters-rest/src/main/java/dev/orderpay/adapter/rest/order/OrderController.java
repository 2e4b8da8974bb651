package dev.orderpay.adapter.rest.order;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.OrderIds;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.adapter.rest.idempotency.IdempotentResponses;
import dev.orderpay.adapter.rest.input.KeyedQueryParameters;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.in.order.GetOrderUseCase;
import dev.orderpay.application.port.in.order.ListOrdersQuery;
import dev.orderpay.application.port.in.order.ListOrdersUseCase;
import dev.orderpay.application.port.in.order.OrderTotalsUseCase;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.adapter.rest.security.RequiredScopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/** Creating, reading, listing and summing orders. Errors become problem details in the exception handlers. */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(RequiredScopes.ORDERS_READ)
@StrictInput
@Tag(name = ApiDocumentation.ORDERS)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.InsufficientScope
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.READS)
public class OrderController {

    private static final String HISTORY = "history";

    private final CreateOrderUseCase createOrder;
    private final GetOrderUseCase getOrder;
    private final ListOrdersUseCase listOrders;
    private final OrderTotalsUseCase orderTotals;
    private final IdempotentResponses responses;

    OrderController(CreateOrderUseCase createOrder, GetOrderUseCase getOrder, ListOrdersUseCase listOrders,
                    OrderTotalsUseCase orderTotals, IdempotentResponses responses) {
        this.createOrder = createOrder;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
        this.orderTotals = orderTotals;
        this.responses = responses;
    }

    @Post
    @Secured(RequiredScopes.ORDERS_WRITE)
    @RateLimited(RouteGroup.ORDERS_WRITE)
    @Operation(summary = "Create an order and open its checkout",
            description = "With an Idempotency-Key, repeating the request returns the first answer (the order as it"
                    + " was created, or the failure to open its checkout) and opens no second checkout.")
    @ApiResponse(responseCode = "201", description = "Created, or replayed for a repeated Idempotency-Key",
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                            description = "The order's address"),
                    @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                            description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = "string", allowableValues = "true"))
            },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed (a field or the Idempotency-Key is bad),"
            + " malformed_request. Not remembered: the same key may come again with a corrected request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "idempotency_request_in_progress: the first request with this"
            + " key is still running; try again after Retry-After seconds",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    @ApiResponse(responseCode = "422", description = "idempotency_key_reused: the key came with a different request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "502", description = "provider_unavailable: the checkout could not be opened; the"
            + " order is stored as FAILED", headers = @io.swagger.v3.oas.annotations.headers.Header(
            name = IdempotencyHeaders.IDEMPOTENT_REPLAYED, description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
            schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "504", description = "provider_timeout: the checkout could not be opened in time;"
            + " the order is stored as FAILED", headers = @io.swagger.v3.oas.annotations.headers.Header(
            name = IdempotencyHeaders.IDEMPOTENT_REPLAYED, description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
            schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> create(@Body CreateOrderRequest request,
                           @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                           @Header(IdempotencyHeaders.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                           Authentication client) {
        CreateOrderCommand plain = request.toCommand();
        CreateOrderCommand command = IdempotencyHeaders.keyOf(idempotencyKey, client)
                .map(plain::withIdempotencyKey).orElse(plain);
        return responses.respond(createOrder.createOrder(command), OrderController::created);
    }

    /** A created order's answer: the route's, and the one recorded for repeats of a request with a key. */
    public static MutableHttpResponse<OrderResponse> created(Order order) {
        return HttpResponse.created(OrderResponse.from(order), URI.create(OrderPaths.order(order.id())));
    }

    @Get
    @Operation(summary = "List orders, newest first",
            description = "Every filter is optional and they all apply together; the next link keeps them.")
    @ApiResponse(responseCode = "200", description = "One page of orders")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad limit, cursor or filter value",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = QueryFilters.METADATA, in = ParameterIn.QUERY, style = ParameterStyle.DEEPOBJECT,
            explode = Explode.TRUE, description = "metadata[key]=value: orders with exactly this value under the key;"
                    + " several such parameters all apply",
            schema = @Schema(type = "object", additionalPropertiesSchema = String.class))
    @KeyedQueryParameters(QueryFilters.METADATA)
    OrderListResponse list(HttpRequest<?> request,@Parameter(description = "How many orders a page holds",
                                   schema = @Schema(type = "integer", minimum = "1",
                                           maximum = "" + ListOrdersQuery.MAX_LIMIT,
                                           defaultValue = "" + ListOrdersQuery.DEFAULT_LIMIT))
                           @QueryValue(QueryFilters.LIMIT) @Nullable String limit,
                           @Parameter(description = "From a next link; opaque")
                           @QueryValue(QueryFilters.CURSOR) @Nullable String cursor,
                           @Parameter(description = "Any of these statuses; may be repeated")
                           @QueryValue(QueryFilters.STATUS) @Nullable List<String> status,
                           @Parameter(description = "ISO 4217 code")
                           @QueryValue(QueryFilters.CURRENCY) @Nullable String currency,
                           @Parameter(description = "Created at or after this ISO 8601 instant")
                           @QueryValue(QueryFilters.CREATED_FROM) @Nullable String createdFrom,
                           @Parameter(description = "Created before this ISO 8601 instant")
                           @QueryValue(QueryFilters.CREATED_TO) @Nullable String createdTo,
                           @Parameter(description = "Exactly this receipt")
                           @QueryValue(QueryFilters.RECEIPT) @Nullable String receipt,
                           @Parameter(description = "Exactly this customer e-mail address")
                           @QueryValue(QueryFilters.CUSTOMER_EMAIL) @Nullable String customerEmail) {
        ListOrdersQuery query = QueryFilters.listOrders(limit, cursor, status, currency, createdFrom, createdTo,
                receipt, customerEmail, request.getParameters());
        return OrderListResponse.from(listOrders.listOrders(query), query);
    }

    @Get(OrderPaths.TOTALS)
    @Operation(summary = "Sum authorized, captured and refunded money per currency",
            description = "Over the orders created in [from, to) whose payment was authorized.")
    @ApiResponse(responseCode = "200", description = "The totals, one entry per currency")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad currency, from or to",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    TotalsResponse totals(@Parameter(description = "ISO 4217 code; every currency when missing")
                          @QueryValue(QueryFilters.CURRENCY) @Nullable String currency,
                          @Parameter(description = "Created at or after this ISO 8601 instant")
                          @QueryValue(QueryFilters.FROM) @Nullable String from,
                          @Parameter(description = "Created before this ISO 8601 instant")
                          @QueryValue(QueryFilters.TO) @Nullable String to) {
        return TotalsResponse.from(orderTotals.totals(QueryFilters.totals(currency, from, to)));
    }

    /** {@code include=history} adds the status changes; it may be repeated or comma-separated. */
    @Get("/{id}")
    @Operation(summary = "Read an order")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "400", description = "validation_failed: include names something other than history",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.OrderNotFound
    OrderResponse get(@PathVariable String id,
                      @Parameter(description = "history: add the order's status changes")
                      @QueryValue @Nullable List<String> include) {
        OrderId orderId = OrderIds.fromPath(id);
        if (includesHistory(include)) {
            Order order = getOrder.getOrder(orderId);
            return OrderResponse.from(order, getOrder.orderHistory(orderId));
        }
        return OrderResponse.from(getOrder.getOrder(orderId));
    }

    @Get("/{id}/" + HISTORY)
    @Operation(summary = "Read an order's status changes, oldest first",
            description = "Each change names its source and, when the provider proves it, the provider's reference.")
    @ApiResponse(responseCode = "200", description = "The status changes")
    @SharedProblemResponses.OrderNotFound
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
