package dev.orderpay.adapter.rest.event;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.OrderEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events are bounded in size: a larger one is stored, and so sent, without the order's free-size parts. */
@MicronautTest(startApplication = false)
class RestEventPayloadsTest {

    private static final Instant CREATED_AT = Instant.parse("2026-03-08T14:00:00Z");
    // The longest receipt, in characters that take four bytes each in UTF-8.
    private static final String LONGEST_RECEIPT = "🧾".repeat(Receipt.MAX_LENGTH);

    @Inject
    JsonMapper json;

    @Test
    void given_an_event_larger_than_the_bound_then_it_is_rendered_compact_with_a_link_to_the_whole_order()
            throws IOException {
        Order order = authorized(LONGEST_RECEIPT);
        EventId id = EventId.newId();

        String payload = new RestEventPayloads(json, 600).render(id, CREATED_AT, eventOf(order), order);

        assertThat(payload.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(600);
        Map<String, Object> event = parse(payload);
        assertThat(event).containsEntry("id", id.toString()).containsEntry("type", "order.authorized")
                .containsEntry("order_id", order.id().toString()).containsEntry("sequence", 1)
                .containsEntry("data_complete", false);
        Map<String, Object> data = data(event);
        assertThat(data).doesNotContainKey("receipt")
                .containsEntry("id", order.id().toString()).containsEntry("status", "AUTHORIZED")
                .containsEntry("amount", 29900).containsEntry("currency", "NOK");
        assertThat(data.get("links")).isEqualTo(List.of(
                Map.of("rel", "session_link", "href", "https://checkout.example.test/v1/view/T11223674.testsession"),
                Map.of("rel", "self", "href", "/orders/" + order.id())));
    }

    @Test
    void given_the_largest_order_there_is_today_then_the_least_bound_allowed_sends_it_complete() throws IOException {
        Order order = authorized(LONGEST_RECEIPT);

        String payload = new RestEventPayloads(json, MaxEventPayload.MINIMUM_BYTES)
                .render(EventId.newId(), CREATED_AT, eventOf(order), order);

        Map<String, Object> event = parse(payload);
        assertThat(event).containsEntry("data_complete", true);
        assertThat(data(event)).containsEntry("receipt", LONGEST_RECEIPT);
        assertThat(data(event).get("links")).asList().hasSize(1);
    }

    @Test
    void given_a_bound_below_the_least_an_event_needs_then_the_service_does_not_start() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("orderpay.webhook.max-payload", "2KB"), "test"))
                .rootCause().isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("orderpay.webhook.max-payload (ORDERPAY_WEBHOOK_MAX_PAYLOAD) is 2048 bytes")
                .hasMessageContaining("4KB or more");
    }

    @Test
    void the_bound_is_read_as_a_size() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("orderpay.webhook.max-payload", "1MB"),
                "test")) {
            assertThat(context.getBean(MaxEventPayload.class).bytes()).isEqualTo(1024 * 1024);
        }
    }

    private static Order authorized(String receipt) {
        Order order = TestOrders.anOrderWithCheckout().withReceipt(receipt).build();
        order.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        return order;
    }

    private static OrderEvent eventOf(Order order) {
        return order.uncommittedEvents().get(0);
    }

    private Map<String, Object> parse(String payload) throws IOException {
        return json.readValue(payload, Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }
}
