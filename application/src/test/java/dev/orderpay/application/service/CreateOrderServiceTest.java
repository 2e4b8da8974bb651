package dev.orderpay.application.service;

import dev.orderpay.application.port.in.CheckoutFailedException;
import dev.orderpay.application.port.in.CreateOrderCommand;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryIdempotencyKeys;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class CreateOrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123456Z");
    private static final Duration CHECKOUT_LIFETIME = Duration.ofHours(1);
    private static final PaymentUrls URLS = new PaymentUrls() {
        @Override
        public URI returnUrl(OrderId orderId) {
            return URI.create("https://shop.example.test/orders/" + orderId + "/return");
        }

        @Override
        public URI notificationUrl(OrderId orderId) {
            return URI.create("https://shop.example.test/orders/" + orderId + "/notify");
        }
    };

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final CreateOrderService service =
            new CreateOrderService(orders, gateway, URLS, new InMemoryIdempotencyKeys(Clock.fixed(NOW, ZoneOffset.UTC)),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    new CreateOrderService.Policy(CHECKOUT_LIFETIME, Duration.ofHours(24), Duration.ofSeconds(1)));

    private final CreateOrderCommand command = CreateOrderCommand.of(299_00L, "NOK", "receipt#1");

    @Test
    void when_an_order_is_created_then_it_is_stored_pending_with_its_checkout_and_a_saved_version() {
        Order created = service.createOrder(command).order();

        Order stored = orders.findById(created.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stored.session()).isPresent().isEqualTo(created.session());
        assertThat(stored.amount()).isEqualTo(Money.of(299_00, "NOK"));
        assertThat(stored.receipt()).isEqualTo(new Receipt("receipt#1"));
        // added at version 0, then saved once with its session
        assertThat(stored.version()).isEqualTo(1);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void when_an_order_is_created_then_the_provider_is_asked_for_a_checkout_of_that_order_amount_and_return_url() {
        Order created = service.createOrder(command).order();

        assertThat(gateway.checkoutRequests()).containsExactly(new CheckoutRequest(created.id(),
                Money.of(299_00, "NOK"),
                URI.create("https://shop.example.test/orders/" + created.id() + "/return"),
                URI.create("https://shop.example.test/orders/" + created.id() + "/notify"),
                created.createdAt().plus(CHECKOUT_LIFETIME)));
    }

    @Test
    void when_an_order_is_created_then_its_checkout_expires_one_lifetime_after_creation_and_notifies_the_service() {
        Order created = service.createOrder(command).order();

        CheckoutRequest request = gateway.checkoutRequests().get(0);
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-03-08T14:24:40.818123Z"));
        assertThat(request.notificationUrl())
                .isEqualTo(URI.create("https://shop.example.test/orders/" + created.id() + "/notify"));
    }

    @Test
    void when_an_order_is_created_then_opening_its_checkout_records_no_status_change() {
        Order created = service.createOrder(command).order();

        assertThat(orders.history(created.id())).isEmpty();
    }

    @Test
    void given_the_provider_fails_when_an_order_is_created_then_the_failure_is_recorded_as_coming_from_the_checkout() {
        gateway.failCheckouts(PaymentProviderException.Kind.UNAVAILABLE);

        CheckoutFailedException failure =
                catchThrowableOfType(CheckoutFailedException.class, () -> service.createOrder(command).order());

        List<StatusChange> history = orders.history(failure.order().id());
        assertThat(history).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(OrderStatus.PENDING);
            assertThat(change.to()).isEqualTo(OrderStatus.FAILED);
            assertThat(change.provenance().source()).isEqualTo(ChangeSource.CHECKOUT);
            assertThat(change.provenance().providerReference()).isEmpty();
            assertThat(change.provenance().at()).isCloseTo(NOW, within(1, ChronoUnit.MICROS));
        });
    }

    @Test
    void when_two_orders_are_created_then_each_gets_its_own_id_and_checkout() {
        Order first = service.createOrder(command).order();
        Order second = service.createOrder(command).order();

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.session()).isNotEqualTo(second.session());
        assertThat(gateway.checkoutRequests()).extracting(CheckoutRequest::orderId)
                .containsExactly(first.id(), second.id());
    }

    @ParameterizedTest
    @EnumSource(PaymentProviderException.Kind.class)
    void given_the_provider_fails_when_an_order_is_created_then_it_is_stored_failed_and_the_failure_is_reported(
            PaymentProviderException.Kind kind) {
        gateway.failCheckouts(kind);

        CheckoutFailedException failure =
                catchThrowableOfType(CheckoutFailedException.class, () -> service.createOrder(command).order());

        assertThat(failure).isNotNull();
        assertThat(failure.providerFailure().kind()).isEqualTo(kind);
        assertThat(failure.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failure.order().session()).isEmpty();
        Order stored = orders.findById(failure.order().id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stored.session()).isEmpty();
        assertThat(stored.version()).isEqualTo(failure.order().version()).isEqualTo(1);
        assertThat(gateway.checkoutRequests()).extracting(CheckoutRequest::orderId)
                .containsExactly(stored.id());
    }

    @Test
    void when_an_order_is_created_then_its_creation_time_is_the_clock_truncated_to_microseconds() {
        Order created = service.createOrder(command).order();

        Instant expected = Instant.parse("2026-03-08T13:24:40.818123Z");
        assertThat(created.createdAt()).isEqualTo(expected);
        assertThat(orders.findById(created.id()).orElseThrow().createdAt()).isEqualTo(expected);
    }
}
