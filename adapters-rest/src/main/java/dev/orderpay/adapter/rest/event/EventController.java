package dev.orderpay.adapter.rest.event;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.OrderIds;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.adapter.rest.audit.Actors;
import dev.orderpay.adapter.rest.input.QueryValues;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.order.Link;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventPage;
import dev.orderpay.application.port.in.event.ListEventsQuery;
import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.in.event.RedeliverEventCommand;
import dev.orderpay.application.port.in.event.RedeliverEventUseCase;
import dev.orderpay.application.port.in.event.RedeliveryResult;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import dev.orderpay.adapter.rest.security.RequiredScopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/** What merchants were told: every event as it was sent, for one that missed a webhook or wants to check. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(RequiredScopes.ORDERS_READ)
@StrictInput
@Tag(name = ApiDocumentation.EVENTS)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.InsufficientScope
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.READS)
public class EventController {

    private static final String ENDPOINT_ID = "endpoint_id";

    private final ReadEventsUseCase readEvents;
    private final RedeliverEventUseCase redeliverEvent;
    private final RestEventPayloads payloads;

    EventController(ReadEventsUseCase readEvents, RedeliverEventUseCase redeliverEvent, RestEventPayloads payloads) {
        this.readEvents = readEvents;
        this.redeliverEvent = redeliverEvent;
        this.payloads = payloads;
    }

    @Get(EventQueries.EVENTS)
    @Operation(summary = "List events, newest first",
            description = "Every filter is optional and they all apply together; the next link keeps them.")
    @ApiResponse(responseCode = "200", description = "One page of events")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad limit, cursor or filter value",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    EventListResponse listEvents(@Parameter(description = "How many events a page holds",
                                         schema = @Schema(type = "integer", minimum = "1",
                                                 maximum = "" + ListEventsQuery.MAX_LIMIT,
                                                 defaultValue = "" + ListEventsQuery.DEFAULT_LIMIT))
                                 @QueryValue(QueryValues.LIMIT) @Nullable String limit,
                                 @Parameter(description = "From a next link; opaque")
                                 @QueryValue(QueryValues.CURSOR) @Nullable String cursor,
                                 @Parameter(description = "Any of these types, such as order.authorized; may be repeated")
                                 @QueryValue(EventQueries.TYPE) @Nullable List<String> type,
                                 @Parameter(description = "Only this order's events")
                                 @QueryValue(EventQueries.ORDER_ID) @Nullable String orderId,
                                 @Parameter(description = "Created at or after this ISO 8601 instant")
                                 @QueryValue(EventQueries.CREATED_FROM) @Nullable String createdFrom,
                                 @Parameter(description = "Created before this ISO 8601 instant")
                                 @QueryValue(EventQueries.CREATED_TO) @Nullable String createdTo,
                                 @Parameter(description = "How its webhooks stand, judged by the latest delivery to"
                                         + " each endpoint: failed (one failed for good), pending (one is still to"
                                         + " be made), delivered (all were delivered)",
                                         schema = @Schema(type = "string",
                                                 allowableValues = {"failed", "pending", "delivered"}))
                                 @QueryValue(EventQueries.DELIVERY) @Nullable String delivery) {
        ListEventsQuery query = EventQueries.listEvents(limit, cursor, type, orderId, createdFrom, createdTo,
                delivery);
        EventPage page = readEvents.listEvents(query);
        List<Link> links = page.next()
                .map(next -> List.of(new Link("next", EventQueries.page(query, next))))
                .orElse(List.of());
        return new EventListResponse(read(page.events()), links);
    }

    @Get(EventQueries.EVENTS + "/{id}")
    @Operation(summary = "Read an event and its webhook deliveries", description = "The event exactly as it was"
            + " rendered when the change it reports was recorded, and as webhooks deliver it; beside it, in"
            + " deliveries, every delivery with its attempts.")
    @ApiResponse(responseCode = "200", description = "The event with its deliveries")
    @SharedProblemResponses.EventNotFound
    EventDetailResponse getEvent(@PathVariable String id) {
        EventId eventId = eventIdFromPath(id);
        EventResponse event = payloads.read(readEvents.getEvent(eventId).payload());
        return new EventDetailResponse(event,
                readEvents.eventDeliveries(eventId).stream().map(DeliveryResponse::from).toList());
    }

    @Post(EventQueries.EVENTS + "/{id}/redeliver")
    @Secured(RequiredScopes.WEBHOOKS_MANAGE)
    @RateLimited(RouteGroup.WEBHOOKS)
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "redeliverEvent", summary = "Deliver an event again, now",
            description = "Makes a new delivery, due at once, to the endpoint named (whatever event types it"
                    + " receives) or, without a body, to every enabled endpoint that receives the event's type."
                    + " Earlier deliveries stay as they were; the event's standing in the delivery filter follows"
                    + " the newest delivery to each endpoint. Sent within about a second, signed with the secrets"
                    + " in force then.")
    @ApiResponse(responseCode = "202", description = "The deliveries made, pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RedeliveryResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed: endpoint_id is no id of an endpoint;"
            + " malformed_request", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.EventNotFound
    @ApiResponse(responseCode = "409", description = "webhook_endpoint_disabled: the endpoint named is disabled;"
            + " enable it first", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> redeliver(@PathVariable String id, @Body @Nullable RedeliverRequest request,
                              Authentication client, HttpRequest<?> httpRequest) {
        EventId eventId = eventIdFromPath(id);
        Optional<WebhookEndpointId> endpoint = Optional.ofNullable(request)
                .map(RedeliverRequest::endpointId)
                .map(EventController::endpointIdFromBody);
        RedeliveryResult result;
        try {
            result = redeliverEvent.redeliver(new RedeliverEventCommand(eventId, endpoint,
                    Actors.of(client, httpRequest)));
        } catch (WebhookEndpointNotFoundException unknown) {
            throw InvalidCommandException.of(ENDPOINT_ID, "names no webhook endpoint");
        }
        // Java 17 has no pattern switch; the result is sealed, so these two are all there are.
        if (result instanceof RedeliveryResult.Redelivered redelivered) {
            return HttpResponse.accepted().body(new RedeliveryResponse(
                    redelivered.deliveries().stream().map(DeliveryResponse::from).toList()));
        }
        return Problem.of(HttpStatus.CONFLICT, ProblemCode.WEBHOOK_ENDPOINT_DISABLED, "Webhook endpoint disabled",
                "The webhook endpoint is disabled, so nothing would be sent to it. Enable it, then ask again.")
                .toResponse();
    }

    @Get(OrderPaths.ORDERS + "/{id}/events")
    @Operation(summary = "Read an order's events in sequence order",
            description = "Sequence numbers run 1, 2, 3... without gaps, so a receiver can tell whether it missed one.")
    @ApiResponse(responseCode = "200", description = "The order's events, oldest first; never a next link")
    @SharedProblemResponses.OrderNotFound
    EventListResponse orderEvents(@PathVariable String id) {
        return new EventListResponse(read(readEvents.orderEvents(OrderIds.fromPath(id))), List.of());
    }

    private List<EventResponse> read(List<Event> events) {
        return events.stream().map(event -> payloads.read(event.payload())).toList();
    }

    private static WebhookEndpointId endpointIdFromBody(String text) {
        try {
            return WebhookEndpointId.parse(text);
        } catch (InvalidValueException notAnId) {
            throw InvalidCommandException.of(ENDPOINT_ID, "must be a webhook endpoint's id");
        }
    }

    /** A path segment that is not an event id names no resource: that is a 404, not a bad request. */
    private static EventId eventIdFromPath(String segment) {
        try {
            return EventId.parse(segment);
        } catch (InvalidValueException notAnId) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such event");
        }
    }
}
