package dev.orderpay.application.service;

import dev.orderpay.application.port.in.order.OrderContentsInput;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.ShopPaymentUrls;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reconciliation and a creation that is still opening its checkout, with reconciliation set to look at orders as
 * soon as they exist: the creation owns its order until opening a checkout can no longer be under way.
 */
class ReconciliationDuringCreationTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123Z");
    private static final Duration LONGEST_CHECKOUT_OPENING = Duration.ofSeconds(40);
    private static final PaymentUrls URLS = new ShopPaymentUrls();

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final CreateOrderCommand command = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE);

    @Test
    @Timeout(10)
    void given_a_checkout_still_being_opened_when_reconciliation_runs_then_it_leaves_the_order_to_its_creation()
            throws Exception {
        SlowCheckouts provider = new SlowCheckouts();
        CreateOrderService creation = creationWith(provider);
        ReconcileOrdersService reconciliation = reconciliationWith(provider);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<IdempotentResult<Order>> creating = thread.submit(() -> creation.createOrder(command));
            assertThat(provider.opening.await(5, TimeUnit.SECONDS)).isTrue();
            clock.advance(LONGEST_CHECKOUT_OPENING.minusMillis(1));

            ReconciliationReport report = reconciliation.reconcileBatch();
            provider.release.countDown();
            Order created = executed(creating.get(5, TimeUnit.SECONDS));

            assertThat(report.examined()).isZero();
            assertThat(created.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(created.session()).isPresent();
            Order stored = orders.findById(created.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(stored.session()).isEqualTo(created.session());
            assertThat(orders.history(created.id())).isEmpty();
        } finally {
            provider.release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void given_a_creation_cut_short_before_its_checkout_then_reconciliation_fails_the_order_once_its_hold_has_passed() {
        FakePaymentGateway provider = new StoppedWhileOpening();
        CreateOrderService creation = creationWith(provider);
        ReconcileOrdersService reconciliation = reconciliationWith(provider);
        assertThatThrownBy(() -> creation.createOrder(command)).isInstanceOf(ServiceStopped.class);
        OrderId cutShort = provider.checkoutRequests().get(0).orderId();

        clock.advance(LONGEST_CHECKOUT_OPENING.minusMillis(1));
        ReconciliationReport whileHeld = reconciliation.reconcileBatch();
        Order stillHeld = orders.findById(cutShort).orElseThrow();
        clock.advance(Duration.ofMillis(1));
        ReconciliationReport onceReleased = reconciliation.reconcileBatch();

        assertThat(whileHeld.examined()).isZero();
        assertThat(stillHeld.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(onceReleased.changed()).isEqualTo(1);
        assertThat(orders.findById(cutShort).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(orders.history(cutShort)).containsExactly(new StatusChange(cutShort, OrderStatus.PENDING,
                OrderStatus.FAILED, Provenance.unreferenced(ChangeSource.RECONCILIATION, NOW.plus(LONGEST_CHECKOUT_OPENING))));
    }

    private CreateOrderService creationWith(FakePaymentGateway provider) {
        return new CreateOrderService(orders, provider, URLS, new KeyedRequests(new InMemoryIdempotentRequests(clock),
                clock, new KeyedRequests.Policy(Duration.ofHours(24), LONGEST_CHECKOUT_OPENING.multipliedBy(2))),
                new PlainIdempotentAnswers(), url -> Optional.empty(), clock,
                new CreateOrderService.Policy(Duration.ofHours(1), LONGEST_CHECKOUT_OPENING, false),
                new EventRecorder(orders, new PlainEventPayloads(), clock));
    }

    private ReconcileOrdersService reconciliationWith(FakePaymentGateway provider) {
        return new ReconcileOrdersService(orders, provider, clock,
                new ReconcileOrdersService.Policy(Duration.ZERO, Duration.ofMinutes(2), 10),
                new PaymentVerifier(orders, provider, clock, new EventRecorder(orders, new PlainEventPayloads(), clock)));
    }

    /** What a crash looks like from inside: the creating request never gets to store the checkout's outcome. */
    private static final class ServiceStopped extends RuntimeException {
        ServiceStopped() {
            super("the service stopped while the checkout was being opened");
        }
    }

    private static final class StoppedWhileOpening extends FakePaymentGateway {
        @Override
        public PaymentSession openCheckout(CheckoutRequest request) {
            super.openCheckout(request);
            throw new ServiceStopped();
        }
    }
}
