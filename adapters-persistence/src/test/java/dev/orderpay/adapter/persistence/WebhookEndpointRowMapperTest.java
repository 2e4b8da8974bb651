package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointRowMapperTest {

    private static final Instant ROTATED_AT = Instant.parse("2026-03-09T10:00:00Z");

    @Test
    void given_chosen_types_then_the_row_holds_their_wire_names_and_not_all() {
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint()
                .subscribedTo(EventType.OPERATION_FAILED, EventType.ORDER_PARTIALLY_CAPTURED).build();

        WebhookEndpointRow row = WebhookEndpointRowMapper.toRow(endpoint, 3);

        assertThat(row.allEventTypes()).isFalse();
        assertThat(row.eventTypes()).containsExactly("order.partially_captured", "operation.failed");
        assertThat(row.version()).isEqualTo(3);
        assertThat(WebhookEndpointRowMapper.toEndpoint(row).events()).isEqualTo(endpoint.events());
    }

    @Test
    void given_every_type_then_the_row_says_all_and_names_none() {
        WebhookEndpointRow row = WebhookEndpointRowMapper.toRow(TestWebhookEndpoints.anEndpoint().build(), 0);

        assertThat(row.allEventTypes()).isTrue();
        assertThat(row.eventTypes()).isNull();
    }

    @Test
    void given_a_rotated_disabled_endpoint_then_its_secrets_and_reason_fill_their_column_pairs_and_come_back() {
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().signingWith(new SigningSecret("whsec_a")).build();
        endpoint.rotateSecret(new SigningSecret("whsec_b"), ROTATED_AT, Duration.ofHours(24));
        endpoint.disable("Disabled through the API.", ROTATED_AT);

        WebhookEndpointRow row = WebhookEndpointRowMapper.toRow(endpoint, 1);
        WebhookEndpoint back = WebhookEndpointRowMapper.toEndpoint(row);

        assertThat(row.secret()).isEqualTo("whsec_b");
        assertThat(row.previousSecret()).isEqualTo("whsec_a");
        assertThat(row.previousSecretExpiresAt()).isEqualTo(ROTATED_AT.plus(Duration.ofHours(24)));
        assertThat(row.disabledReason()).isEqualTo("Disabled through the API.");
        assertThat(row.disabledAt()).isEqualTo(ROTATED_AT);
        assertThat(back.secretsInForce(ROTATED_AT)).isEqualTo(endpoint.secretsInForce(ROTATED_AT));
        assertThat(back.disabled()).isEqualTo(endpoint.disabled());
    }
}
