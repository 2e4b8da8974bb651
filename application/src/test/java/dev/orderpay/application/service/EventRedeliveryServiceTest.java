package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.in.event.EventNotFoundException;
import dev.orderpay.application.port.in.event.RedeliverEventCommand;
import dev.orderpay.application.port.in.event.RedeliveryResult;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EventRedeliveryServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00.123456Z");

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(endpoints);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(deliveries);
    private final EventRedeliveryService service = new EventRedeliveryService(orders, endpoints, deliveries, clock);

    @Test
    void given_no_endpoint_named_then_every_enabled_endpoint_subscribed_to_the_type_gets_a_delivery_now() {
        WebhookEndpoint everything = endpoint(TestWebhookEndpoints.anEndpoint());
        WebhookEndpoint creations = endpoint(TestWebhookEndpoints.anEndpoint().subscribedTo(EventType.ORDER_CREATED));
        endpoint(TestWebhookEndpoints.anEndpoint().subscribedTo(EventType.ORDER_CAPTURED));
        WebhookEndpoint disabled = endpoint(TestWebhookEndpoints.anEndpoint());
        endpoints.disable(disabled.id(), "Disabled through the API.", NOW);
        Event event = announced();

        RedeliveryResult result = service.redeliver(new RedeliverEventCommand(event.id(), Optional.empty(),
                TestActors.CLIENT));

        assertThat(result).isInstanceOfSatisfying(RedeliveryResult.Redelivered.class, redelivered -> {
            assertThat(redelivered.deliveries()).extracting(EventDelivery::endpointId)
                    .containsExactlyInAnyOrder(Optional.of(everything.id()), Optional.of(creations.id()));
            assertThat(redelivered.deliveries()).allSatisfy(delivery -> {
                assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
                assertThat(delivery.nextAttemptAt()).contains(NOW);
            });
        });
        assertThat(deliveries.findByEvent(event.id())).hasSize(4);
    }

    @Test
    void given_an_endpoint_named_then_only_it_gets_a_delivery_whatever_it_subscribes_to() {
        endpoint(TestWebhookEndpoints.anEndpoint());
        WebhookEndpoint captures = endpoint(TestWebhookEndpoints.anEndpoint().subscribedTo(EventType.ORDER_CAPTURED));
        Event event = announced();

        RedeliveryResult result = service.redeliver(new RedeliverEventCommand(event.id(), Optional.of(captures.id()),
                TestActors.CLIENT));

        assertThat(result).isInstanceOfSatisfying(RedeliveryResult.Redelivered.class, redelivered ->
                assertThat(redelivered.deliveries()).extracting(EventDelivery::endpointId)
                        .containsExactly(Optional.of(captures.id())));
    }

    @Test
    void given_an_order_with_a_callback_url_then_it_gets_a_delivery_too_unless_an_endpoint_is_named() {
        WebhookEndpoint endpoint = endpoint(TestWebhookEndpoints.anEndpoint());
        CallbackUrl callback = CallbackUrl.parse("https://shop.example/callback");
        Event event = announced(TestOrders.anOrder().withCallbackUrl(callback.toString()));

        RedeliveryResult toEvery = service.redeliver(new RedeliverEventCommand(event.id(), Optional.empty(),
                TestActors.CLIENT));
        RedeliveryResult toOne = service.redeliver(new RedeliverEventCommand(event.id(), Optional.of(endpoint.id()),
                TestActors.CLIENT));

        assertThat(toEvery).isInstanceOfSatisfying(RedeliveryResult.Redelivered.class, redelivered ->
                assertThat(redelivered.deliveries()).extracting(EventDelivery::endpointId, EventDelivery::callbackUrl)
                        .containsExactly(tuple(Optional.of(endpoint.id()), Optional.empty()),
                                tuple(Optional.empty(), Optional.of(callback))));
        assertThat(toOne).isInstanceOfSatisfying(RedeliveryResult.Redelivered.class, redelivered ->
                assertThat(redelivered.deliveries()).extracting(EventDelivery::callbackUrl)
                        .containsExactly(Optional.empty()));
    }

    @Test
    void given_a_disabled_endpoint_named_then_nothing_is_made() {
        WebhookEndpoint disabled = endpoint(TestWebhookEndpoints.anEndpoint());
        Event event = announced();
        endpoints.disable(disabled.id(), "Disabled through the API.", NOW);

        RedeliveryResult result = service.redeliver(new RedeliverEventCommand(event.id(), Optional.of(disabled.id()),
                TestActors.CLIENT));

        assertThat(result).isEqualTo(new RedeliveryResult.EndpointDisabled(disabled.id()));
        assertThat(deliveries.findByEvent(event.id())).hasSize(1);
        assertThat(endpoints.auditLog().all()).isEmpty();
    }

    @Test
    void given_an_event_redelivered_then_one_audit_entry_names_the_event_and_who_asked() {
        endpoint(TestWebhookEndpoints.anEndpoint());
        Event event = announced();

        service.redeliver(new RedeliverEventCommand(event.id(), Optional.empty(), TestActors.CLIENT));

        assertThat(endpoints.auditLog().all()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.EVENT_REDELIVERED);
            assertThat(entry.targetId()).isEqualTo(event.id().toString());
            assertThat(entry.actor()).isEqualTo(TestActors.CLIENT);
            assertThat(entry.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void given_an_unknown_event_or_endpoint_then_it_is_named() {
        Event event = announced();
        EventId unknownEvent = EventId.newId();
        WebhookEndpointId unknownEndpoint = WebhookEndpointId.newId();

        assertThatThrownBy(() -> service.redeliver(new RedeliverEventCommand(unknownEvent, Optional.empty(),
                TestActors.CLIENT)))
                .isInstanceOf(EventNotFoundException.class);
        assertThatThrownBy(() -> service.redeliver(new RedeliverEventCommand(event.id(),
                Optional.of(unknownEndpoint), TestActors.CLIENT))).isInstanceOf(WebhookEndpointNotFoundException.class);
    }

    private WebhookEndpoint endpoint(TestWebhookEndpoints.Builder builder) {
        WebhookEndpoint endpoint = builder.build();
        endpoints.addWithinLimit(endpoint, 16);
        return endpoint;
    }

    private Event announced() {
        return announced(TestOrders.anOrder());
    }

    private Event announced(TestOrders newOrder) {
        Order order = newOrder.createdAt(NOW.minusSeconds(60)).build();
        orders.add(order, NOT_HELD);
        Order loaded = orders.findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-" + order.id()));
        orders.update(loaded, TestEvents.of(loaded, NOW.minusSeconds(60)));
        return orders.findByOrder(order.id()).get(0);
    }
}
