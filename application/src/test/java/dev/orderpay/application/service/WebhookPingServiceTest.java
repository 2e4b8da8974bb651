package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.webhook.PingResult;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.ScriptedWebhookSender;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPingServiceTest {

    private static final URI SHOP = URI.create("https://shop.example.test/hooks");

    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final ScriptedWebhookSender sender = new ScriptedWebhookSender();
    private final WebhookPingService service = new WebhookPingService(endpoints, sender, new PlainEventPayloads(),
            TestClock.standingAt(Instant.parse("2026-03-08T14:00:00Z")));

    @Test
    void given_an_endpoint_even_disabled_when_pinged_then_a_signed_ping_goes_at_once_and_its_answer_comes_back() {
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().at(SHOP.toString()).build();
        endpoints.addWithinLimit(endpoint, 16);
        endpoints.disable(endpoint.id(), "Disabled through the API.", Instant.parse("2026-03-08T13:00:00Z"));
        sender.answer(SHOP, ScriptedWebhookSender.answering(418));

        PingResult result = service.ping(endpoint.id());

        assertThat(sender.sent()).singleElement().satisfies(request -> {
            assertThat(request.url()).isEqualTo(SHOP);
            assertThat(request.eventType()).isEqualTo(EventType.PING);
            assertThat(request.body()).isEqualTo(result.payload()).contains(endpoint.id().toString());
            assertThat(request.secrets()).containsExactly(endpoint.secret());
        });
        assertThat(result.result()).isEqualTo(new AttemptResult.Answered(418, "status 418"));
        assertThat(result.latency()).isEqualTo(ScriptedWebhookSender.LATENCY);
    }

    @Test
    void given_an_unreachable_endpoint_when_pinged_then_the_error_comes_back() {
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().at(SHOP.toString()).build();
        endpoints.addWithinLimit(endpoint, 16);
        sender.answer(SHOP, ScriptedWebhookSender.unreachable());

        assertThat(service.ping(endpoint.id()).result())
                .isEqualTo(new AttemptResult.NotAnswered("could not connect: Connection refused"));
    }

    @Test
    void given_an_unknown_endpoint_when_pinged_then_nothing_is_sent() {
        assertThatThrownBy(() -> service.ping(WebhookEndpointId.newId()))
                .isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThat(sender.sent()).isEmpty();
    }
}
