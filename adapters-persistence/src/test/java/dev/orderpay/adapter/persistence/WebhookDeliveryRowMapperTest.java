package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.event.DeliveryAttempt;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryRowMapperTest {

    private static final Instant AT = Instant.parse("2026-03-08T14:00:00.123456Z");
    private static final UUID DELIVERY = UUID.randomUUID();

    @Test
    void given_an_attempt_row_with_a_status_then_it_is_an_answer_and_a_missing_excerpt_an_empty_one() {
        DeliveryAttempt attempt = WebhookDeliveryRowMapper.toAttempt(
                new WebhookDeliveryAttemptRow(DELIVERY, 2, AT, 204, null, 31, null, null));

        assertThat(attempt).isEqualTo(new DeliveryAttempt(2, AT, Duration.ofMillis(31),
                new AttemptResult.Answered(204, ""), Optional.empty()));
    }

    @Test
    void given_an_attempt_row_with_an_error_then_it_is_no_answer() {
        DeliveryAttempt attempt = WebhookDeliveryRowMapper.toAttempt(new WebhookDeliveryAttemptRow(DELIVERY, 1, AT,
                null, "no answer within 10 seconds", 10_000, null, AT.plusSeconds(60)));

        assertThat(attempt.result()).isEqualTo(new AttemptResult.NotAnswered("no answer within 10 seconds"));
        assertThat(attempt.nextAttemptAt()).contains(AT.plusSeconds(60));
    }

    @Test
    void given_results_then_an_answer_keeps_its_status_and_excerpt_and_no_answer_its_error() {
        AttemptResult answered = new AttemptResult.Answered(503, "busy");
        AttemptResult notAnswered = new AttemptResult.NotAnswered("could not connect: Connection refused");

        assertThat(WebhookDeliveryRowMapper.statusCodeOf(answered)).isEqualTo(503);
        assertThat(WebhookDeliveryRowMapper.bodyExcerptOf(answered)).isEqualTo("busy");
        assertThat(WebhookDeliveryRowMapper.errorOf(answered)).isNull();
        assertThat(WebhookDeliveryRowMapper.statusCodeOf(notAnswered)).isNull();
        assertThat(WebhookDeliveryRowMapper.errorOf(notAnswered)).isEqualTo("could not connect: Connection refused");
    }

    @Test
    void given_a_delivery_row_then_its_state_is_read_by_name() {
        WebhookDeliveryRow row = new WebhookDeliveryRow(DELIVERY, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), 3, "FAILED", 1, null, null, AT, false, AT, 400, null, false);

        EventDelivery delivery = WebhookDeliveryRowMapper.toDelivery(row, Optional.empty(), List.of());

        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.nextAttemptAt()).isEmpty();
        assertThat(delivery.createdAt()).isEqualTo(AT);
        assertThat(delivery.endpointId()).contains(new WebhookEndpointId(row.endpointId()));
    }

    @Test
    void given_a_delivery_row_to_an_orders_callback_then_it_shows_the_callback_url_and_no_endpoint() {
        WebhookDeliveryRow row = new WebhookDeliveryRow(DELIVERY, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), 1, "PENDING", 0, AT, null, AT, false, null, null, null, true);
        CallbackUrl callback = CallbackUrl.parse("https://shop.example/callback");

        EventDelivery delivery = WebhookDeliveryRowMapper.toDelivery(row, Optional.of(callback), List.of());

        assertThat(delivery.endpointId()).isEmpty();
        assertThat(delivery.callbackUrl()).contains(callback);
    }
}
