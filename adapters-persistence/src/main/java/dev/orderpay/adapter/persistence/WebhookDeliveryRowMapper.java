package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.event.DeliveryAttempt;
import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Deliveries and their attempts to and from rows; a state is stored by its name, an answer as its status code. */
final class WebhookDeliveryRowMapper {

    private WebhookDeliveryRowMapper() {
    }

    /** @param callbackUrl where it goes when its destination is an order's callback rather than an endpoint */
    static DueDelivery toDue(WebhookDeliveryRow row, Optional<CallbackUrl> callbackUrl, Event event) {
        return new DueDelivery(new WebhookDeliveryId(row.id()), new WebhookEndpointId(row.endpointId()), callbackUrl,
                event, row.attempts());
    }

    /**
     * @param callbackUrl where it went when its destination is an order's callback: then it shows that, and no
     *                    endpoint
     * @param attempts    the delivery's attempts, in order
     */
    static EventDelivery toDelivery(WebhookDeliveryRow row, Optional<CallbackUrl> callbackUrl,
                                    List<WebhookDeliveryAttemptRow> attempts) {
        Optional<WebhookEndpointId> endpointId = callbackUrl.isPresent()
                ? Optional.empty()
                : Optional.of(new WebhookEndpointId(row.endpointId()));
        return new EventDelivery(new WebhookDeliveryId(row.id()), new EventId(row.eventId()), endpointId,
                callbackUrl, DeliveryState.valueOf(row.state()), row.createdAt(),
                Optional.ofNullable(row.nextAttemptAt()),
                attempts.stream().map(WebhookDeliveryRowMapper::toAttempt).toList());
    }

    static DeliveryAttempt toAttempt(WebhookDeliveryAttemptRow row) {
        AttemptResult result = row.statusCode() != null
                ? new AttemptResult.Answered(row.statusCode(), row.bodyExcerpt() == null ? "" : row.bodyExcerpt())
                : new AttemptResult.NotAnswered(row.error());
        return new DeliveryAttempt(row.number(), row.attemptedAt(), Duration.ofMillis(row.latencyMs()), result,
                Optional.ofNullable(row.nextAttemptAt()));
    }

    /** The status code of an answer, null for no answer. */
    static Integer statusCodeOf(AttemptResult result) {
        return result instanceof AttemptResult.Answered answered ? answered.statusCode() : null;
    }

    static String bodyExcerptOf(AttemptResult result) {
        return result instanceof AttemptResult.Answered answered ? answered.bodyExcerpt() : null;
    }

    static String errorOf(AttemptResult result) {
        return result instanceof AttemptResult.NotAnswered notAnswered ? notAnswered.error() : null;
    }

    /** Whole milliseconds, as kept; a latency beyond the column's range cannot occur within any timeout. */
    static int latencyMillis(Duration latency) {
        return Math.toIntExact(latency.toMillis());
    }
}
