package dev.orderpay.application.service;

import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.in.confirmation.NotificationCommand;
import dev.orderpay.application.port.in.confirmation.NotificationOutcome;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

class HandleNotificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
    private final HandleNotificationService service = new HandleNotificationService(orders, gateway, deliveries, new PaymentVerifier(orders, gateway, CLOCK, new EventRecorder(orders, new PlainEventPayloads(), CLOCK)));
    private final ConfirmPaymentService returns = new ConfirmPaymentService(orders, gateway, CLOCK, new PaymentVerifier(orders, gateway, CLOCK, new EventRecorder(orders, new PlainEventPayloads(), CLOCK)));

    private final Order order = withCheckoutOpened(gateway, anOrder(), NOW.plus(Duration.ofHours(1)));

    HandleNotificationServiceTest() {
        orders.add(order, NOT_HELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "invalid", "VALID"})
    void given_a_notification_without_the_providers_proof_then_it_is_refused_and_nothing_changes(String signature) {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        Map<String, String> headers = new LinkedHashMap<>(Map.of(FakePaymentGateway.DELIVERY_HEADER, "d-1"));
        if (!signature.isEmpty()) {
            headers.put(FakePaymentGateway.SIGNATURE_HEADER, signature);
        }

        assertThat(notify(order.id(), Map.of("payment_id", paymentId.value()), headers))
                .isEqualTo(NotificationOutcome.UNAUTHENTIC);

        assertUnchanged();
        assertThat(gateway.fetchCount()).isZero();
        // an authentic delivery with the same id is still handled: the forged one was not remembered
        assertThat(notifyPayment(paymentId, "d-1")).isEqualTo(NotificationOutcome.HANDLED);
    }

    @ParameterizedTest
    @EnumSource(names = {"ON_HOLD", "AUTHORIZED", "CAPTURED", "DECLINED"})
    void given_a_notification_of_a_verified_payment_then_it_is_handled_and_the_order_follows(OrderStatus status) {
        PaymentId paymentId = gateway.paymentFor(order, status);

        NotificationOutcome outcome = notifyPayment(paymentId, "d-1");

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        assertThat(stored().status()).isEqualTo(status);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, status,
                Provenance.of(ChangeSource.CALLBACK, paymentId.value(), NOW)));
    }

    @Test
    void given_a_notification_naming_its_event_then_the_change_is_proven_by_the_event_id() {
        PaymentId paymentId = gateway.paymentFor(order, CAPTURED);

        notify(order.id(), Map.of("payment_id", paymentId.value(), "event_id", "event-42"), authentic("d-1"));

        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, CAPTURED,
                Provenance.of(ChangeSource.CALLBACK, "event-42", NOW)));
    }

    @Test
    void given_a_delivery_handled_before_when_it_arrives_again_then_it_is_a_duplicate_and_the_provider_is_not_asked() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        notifyPayment(paymentId, "d-1");
        int fetchesSoFar = gateway.fetchCount();

        NotificationOutcome again = notifyPayment(paymentId, "d-1");

        assertThat(again).isEqualTo(NotificationOutcome.DUPLICATE);
        assertThat(gateway.fetchCount()).isEqualTo(fetchesSoFar);
        assertThat(orders.history(order.id())).hasSize(1);
    }

    @Test
    void given_another_delivery_of_the_same_payment_then_it_is_handled_without_a_second_change() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        notifyPayment(paymentId, "d-1");

        NotificationOutcome other = notifyPayment(paymentId, "d-2");

        assertThat(other).isEqualTo(NotificationOutcome.HANDLED);
        assertThat(stored().version()).isEqualTo(1);
        assertThat(orders.history(order.id())).hasSize(1);
    }

    @Test
    void given_a_notification_for_an_order_not_stored_yet_then_it_is_retried_later_and_handled_once_the_order_exists() {
        Order notYetStored = withCheckoutOpened(gateway, anOrder(), NOW.plus(Duration.ofHours(1)));
        PaymentId paymentId = gateway.paymentFor(notYetStored, AUTHORIZED);
        Map<String, String> query = Map.of("payment_id", paymentId.value());

        NotificationOutcome early = notify(notYetStored.id(), query, authentic("d-1"));
        orders.add(notYetStored, NOT_HELD);
        NotificationOutcome retried = notify(notYetStored.id(), query, authentic("d-1"));

        assertThat(early).isEqualTo(NotificationOutcome.RETRY_LATER);
        // the retry is handled, not taken for a duplicate: the early delivery was not remembered
        assertThat(retried).isEqualTo(NotificationOutcome.HANDLED);
        assertThat(orders.findById(notYetStored.id()).orElseThrow().status()).isEqualTo(AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(names = {"UNAVAILABLE", "TIMEOUT", "REJECTED"})
    void given_the_provider_cannot_be_asked_then_it_is_retried_later_and_the_delivery_is_not_remembered(
            PaymentProviderException.Kind kind) {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        gateway.failFetches(kind);

        NotificationOutcome outcome = notifyPayment(paymentId, "d-1");

        assertThat(outcome).isEqualTo(NotificationOutcome.RETRY_LATER);
        assertUnchanged();
        assertThat(deliveries.contains("d-1")).isFalse();
    }

    @Test
    void given_a_payment_made_for_another_order_then_the_notification_is_rejected() {
        PaymentId otherOrdersPayment = gateway.record(sessionId(), OrderId.newId().toString(),
                order.amount().minorUnits(), "NOK", AUTHORIZED);

        assertRejected(otherOrdersPayment);
    }

    @Test
    void given_a_payment_of_another_amount_then_the_notification_is_rejected() {
        PaymentId smallerPayment = gateway.record(sessionId(), order.id().toString(),
                order.amount().minorUnits() - 1, "NOK", AUTHORIZED);

        assertRejected(smallerPayment);
    }

    @Test
    void given_a_payment_made_through_another_checkout_then_the_notification_is_rejected() {
        PaymentId otherSessionsPayment = gateway.record(new SessionId("another-session"), order.id().toString(),
                order.amount().minorUnits(), "NOK", AUTHORIZED);

        assertRejected(otherSessionsPayment);
    }

    @Test
    void given_an_authorized_order_when_a_late_cancel_notification_arrives_then_nothing_changes() {
        notifyPayment(gateway.paymentFor(order, AUTHORIZED), "d-1");
        gateway.endCheckout(sessionId(), CheckoutEnding.CANCELLED);

        NotificationOutcome late = notify(order.id(), Map.of("error", "cancelled"), authentic("d-2"));

        assertThat(late).isEqualTo(NotificationOutcome.HANDLED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().version()).isEqualTo(1);
        assertThat(orders.history(order.id())).hasSize(1);
    }

    @Test
    void given_a_cancel_notification_while_the_provider_shows_the_checkout_open_then_nothing_is_recorded() {
        NotificationOutcome outcome = notify(order.id(), Map.of("error", "cancelled"), authentic("d-1"));

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        assertUnchanged();
        assertThat(gateway.fetchCount()).isEqualTo(1);
    }

    @Test
    void given_a_cancel_notification_when_the_provider_shows_the_checkout_ended_then_its_ending_is_recorded() {
        gateway.endCheckout(sessionId(), CheckoutEnding.CANCELLED);

        NotificationOutcome outcome = notify(order.id(), Map.of("error", "cancelled"), authentic("d-1"));

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, CANCELLED,
                Provenance.of(ChangeSource.CALLBACK, sessionId().value(), NOW)));
    }

    @Test
    void given_a_cancel_notification_when_the_provider_cannot_be_asked_then_it_is_retried_later_and_nothing_recorded() {
        // unlike a buyer's return, a notification is delivered again, so its hint need not be taken unverified
        gateway.failFetches(PaymentProviderException.Kind.UNAVAILABLE);

        NotificationOutcome outcome = notify(order.id(), Map.of("error", "cancelled"), authentic("d-1"));

        assertThat(outcome).isEqualTo(NotificationOutcome.RETRY_LATER);
        assertUnchanged();
        assertThat(deliveries.contains("d-1")).isFalse();
    }

    @Test
    void given_an_authorized_order_when_a_callback_reports_the_capture_after_the_redirect_then_it_is_captured() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        confirmReturn(paymentId);
        gateway.changeStatus(paymentId, CAPTURED);

        NotificationOutcome outcome = notifyPayment(paymentId, "d-1");

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        assertThat(stored().status()).isEqualTo(CAPTURED);
        assertThat(orders.history(order.id())).containsExactly(
                new StatusChange(order.id(), PENDING, AUTHORIZED, Provenance.of(ChangeSource.REDIRECT, paymentId.value(), NOW)),
                new StatusChange(order.id(), AUTHORIZED, CAPTURED, Provenance.of(ChangeSource.CALLBACK, paymentId.value(), NOW)));
    }

    @Test
    void given_an_order_authorized_by_a_callback_when_the_buyer_returns_after_the_capture_then_it_is_captured() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        notifyPayment(paymentId, "d-1");
        gateway.changeStatus(paymentId, CAPTURED);

        confirmReturn(paymentId);

        assertThat(stored().status()).isEqualTo(CAPTURED);
        assertThat(orders.history(order.id())).containsExactly(
                new StatusChange(order.id(), PENDING, AUTHORIZED, Provenance.of(ChangeSource.CALLBACK, paymentId.value(), NOW)),
                new StatusChange(order.id(), AUTHORIZED, CAPTURED, Provenance.of(ChangeSource.REDIRECT, paymentId.value(), NOW)));
    }

    @Test
    void given_a_redirect_then_a_callback_for_the_same_payment_then_the_history_holds_one_change() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        confirmReturn(paymentId);
        notifyPayment(paymentId, "d-1");

        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED,
                Provenance.of(ChangeSource.REDIRECT, paymentId.value(), NOW)));
    }

    @Test
    void given_a_callback_then_a_redirect_for_the_same_payment_then_the_history_holds_one_change() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        notifyPayment(paymentId, "d-1");
        confirmReturn(paymentId);

        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED,
                Provenance.of(ChangeSource.CALLBACK, paymentId.value(), NOW)));
    }

    @Test
    void given_a_notification_that_names_neither_payment_nor_failure_then_it_is_handled_without_asking_anyone() {
        NotificationOutcome outcome = notify(order.id(), Map.of(), authentic("d-1"));

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        assertUnchanged();
        assertThat(gateway.fetchCount()).isZero();
    }

    private void assertRejected(PaymentId paymentId) {
        NotificationOutcome outcome = notifyPayment(paymentId, "d-1");

        assertThat(outcome).isEqualTo(NotificationOutcome.REJECTED);
        assertUnchanged();
    }

    private NotificationOutcome notifyPayment(PaymentId paymentId, String deliveryId) {
        return notify(order.id(), Map.of("payment_id", paymentId.value()), authentic(deliveryId));
    }

    private void confirmReturn(PaymentId paymentId) {
        returns.confirmPayment(new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));
    }

    private NotificationOutcome notify(OrderId orderId, Map<String, String> query, Map<String, String> headers) {
        String path = "/orders/" + orderId + "/notifications";
        return service.handleNotification(new NotificationCommand(orderId, new InboundNotification("POST",
                "shop.example.test", path, "", listed(query), listed(headers))));
    }

    private static Map<String, String> authentic(String deliveryId) {
        return Map.of(FakePaymentGateway.SIGNATURE_HEADER, FakePaymentGateway.VALID_SIGNATURE,
                FakePaymentGateway.DELIVERY_HEADER, deliveryId);
    }

    private static Map<String, List<String>> listed(Map<String, String> single) {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        single.forEach((name, value) -> listed.put(name, List.of(value)));
        return listed;
    }

    private void assertUnchanged() {
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(PENDING);
        assertThat(stored.version()).isZero();
        assertThat(orders.history(order.id())).isEmpty();
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }

    private SessionId sessionId() {
        return order.session().orElseThrow().id();
    }
}
