package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.Metadata;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.OrderLines;
import dev.orderpay.domain.contents.TestContents;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link PaymentGateway} must do, whichever provider it speaks to: this is the definition of done for
 * a new provider. Each implementation's test extends this class and supplies, for every test afresh, the gateway
 * under test and a {@link ProviderDouble} that plays the buyer and the provider on the other side of it.
 */
public abstract class PaymentGatewayContract {

    private static final Money ORDER_A_AMOUNT = Money.of(299_00, "NOK");
    private static final Money ORDER_B_AMOUNT = Money.of(450_00, "NOK");

    /**
     * The buyer and the provider as the gateway under test meets them. Whatever a method returns is what the
     * provider would really hand over, so the gateway must read it as it reads the provider.
     */
    public interface ProviderDouble {

        /**
         * The buyer completes the payment in the checkout, and the provider now holds it authorized (or captured,
         * for a provider that captures at once).
         *
         * @param request what the checkout was opened with
         * @return the parameters the provider appends to the return URL as it sends the buyer back
         */
        Map<String, List<String>> buyerPays(PaymentSession session, CheckoutRequest request);

        /** The buyer cancels in the checkout; returns the parameters the provider appends to the return URL. */
        Map<String, List<String>> buyerCancels(PaymentSession session);

        /**
         * The notification the provider sends to the checkout's notification URL once the buyer has paid in it,
         * with the provider's proof of origin.
         */
        InboundNotification paymentNotification(PaymentSession session, CheckoutRequest request);

        /**
         * The same notification as someone without the provider's secret could make it: every claim the same,
         * the proof of origin wrong.
         */
        InboundNotification forgedPaymentNotification(PaymentSession session, CheckoutRequest request);

        /**
         * The provider carries out the operations it answered with {@link OperationOutcome.Accepted}. A provider
         * that always answers {@link OperationOutcome.Completed} has nothing to do.
         */
        default void carryOutAcceptedOperations() {
        }
    }

    /** The gateway under test; the same one for the whole of a test. */
    protected abstract PaymentGateway gateway();

    /** The provider behind {@link #gateway()}; the same one for the whole of a test. */
    protected abstract ProviderDouble provider();

    @Test
    void given_an_order_when_a_checkout_is_opened_then_the_session_has_an_id_and_an_absolute_link() {
        PaymentSession session = gateway().openCheckout(checkoutFor(OrderId.newId(), ORDER_A_AMOUNT));

        assertThat(session.id().value()).isNotBlank();
        assertThat(session.link().isAbsolute()).as("the buyer's browser is sent to " + session.link()).isTrue();
    }

    @Test
    void given_two_orders_when_checkouts_are_opened_then_each_has_its_own_session() {
        PaymentSession first = gateway().openCheckout(checkoutFor(OrderId.newId(), ORDER_A_AMOUNT));
        PaymentSession second = gateway().openCheckout(checkoutFor(OrderId.newId(), ORDER_B_AMOUNT));

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void given_a_fresh_checkout_when_fetched_then_it_has_no_payment_no_ending_and_its_expiry() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentSession session = gateway().openCheckout(request);

        CheckoutStatus checkout = gateway().fetchCheckout(session.id());

        assertThat(checkout.paymentId()).isEmpty();
        assertThat(checkout.endedWithoutPayment()).isEmpty();
        assertThat(checkout.expiresAt()).contains(request.expiresAt());
    }

    @Test
    void given_the_buyer_paid_when_the_return_is_read_then_it_names_a_payment_that_the_provider_reports_for_the_order() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentSession session = gateway().openCheckout(request);

        BuyerReturn buyerReturn = gateway().readBuyerReturn(provider().buyerPays(session, request));

        assertThat(buyerReturn.failureHint()).isEmpty();
        assertThat(buyerReturn.paymentId()).isPresent();
        ProviderPayment payment = gateway().fetchPayment(buyerReturn.paymentId().get());
        assertThat(payment.paymentId()).isEqualTo(buyerReturn.paymentId().get());
        assertThat(payment.orderReference()).isEqualTo(request.orderId().toString());
        assertThat(payment.sessionId()).contains(session.id());
        assertThat(payment.amountMinorUnits()).isEqualTo(ORDER_A_AMOUNT.minorUnits());
        assertThat(payment.currency()).isEqualTo(ORDER_A_AMOUNT.currencyCode());
        // A provider may capture as it authorizes; either way the money is the merchant's.
        assertThat(payment.status()).isIn(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED);
        assertThat(payment.refundedMinorUnits()).isZero();
    }

    @Test
    void given_a_checkout_with_lines_a_customer_and_addresses_when_the_buyer_pays_then_the_payment_is_the_orders() {
        // Lines of 100.00 and 199.00 NOK: together ORDER_A_AMOUNT, as an order's lines always add up to its amount.
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT, TestContents.contentsOf29900());
        PaymentSession session = gateway().openCheckout(request);

        PaymentId paymentId = paymentIdFrom(provider().buyerPays(session, request));

        ProviderPayment payment = gateway().fetchPayment(paymentId);
        assertThat(payment.orderReference()).isEqualTo(request.orderId().toString());
        assertThat(payment.sessionId()).contains(session.id());
        assertThat(payment.amountMinorUnits()).isEqualTo(ORDER_A_AMOUNT.minorUnits());
        assertThat(payment.currency()).isEqualTo(ORDER_A_AMOUNT.currencyCode());
        assertThat(gateway().fetchCheckout(session.id()).paymentId()).contains(paymentId);
    }

    @Test
    void given_lines_without_sku_and_a_customer_with_only_an_email_when_a_checkout_is_opened_then_it_can_be_paid() {
        // The least a merchant may send with lines: every optional part of the contents left out.
        LineItem plain = new LineItem("line-1", "Gift wrap", new BigDecimal("1.5"), ORDER_B_AMOUNT, BigDecimal.ZERO,
                Money.zero(ORDER_B_AMOUNT.currency()), Optional.empty());
        Customer emailOnly = new Customer(Optional.of(new EmailAddress("kari@example.com")), Optional.empty(),
                Optional.empty(), Optional.empty());
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_B_AMOUNT, new OrderContents(
                new OrderLines(List.of(plain)), emailOnly, Optional.empty(), Optional.empty(), Metadata.NONE));
        PaymentSession session = gateway().openCheckout(request);

        ProviderPayment payment = gateway().fetchPayment(paymentIdFrom(provider().buyerPays(session, request)));

        assertThat(payment.orderReference()).isEqualTo(request.orderId().toString());
        assertThat(payment.amountMinorUnits()).isEqualTo(ORDER_B_AMOUNT.minorUnits());
    }

    @Test
    void given_the_buyer_paid_when_the_checkout_is_fetched_then_it_shows_that_payment() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentSession session = gateway().openCheckout(request);
        PaymentId paymentId = paymentIdFrom(provider().buyerPays(session, request));

        CheckoutStatus checkout = gateway().fetchCheckout(session.id());

        assertThat(checkout.paymentId()).contains(paymentId);
        assertThat(checkout.endedWithoutPayment()).isEmpty();
    }

    @Test
    void given_the_buyer_cancelled_when_the_return_is_read_and_the_checkout_fetched_then_there_is_no_payment() {
        PaymentSession session = gateway().openCheckout(checkoutFor(OrderId.newId(), ORDER_A_AMOUNT));

        BuyerReturn buyerReturn = gateway().readBuyerReturn(provider().buyerCancels(session));
        CheckoutStatus checkout = gateway().fetchCheckout(session.id());

        assertThat(buyerReturn).isEqualTo(new BuyerReturn(Optional.empty(), Optional.of(CheckoutEnding.CANCELLED)));
        assertThat(checkout.paymentId()).isEmpty();
        // A provider that does not record an abandoned checkout at all still must not show a payment.
        assertThat(checkout.endedWithoutPayment()).isIn(Optional.empty(), Optional.of(CheckoutEnding.CANCELLED));
    }

    @Test
    void given_a_payment_id_the_provider_never_issued_when_fetched_then_it_is_not_found() {
        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class,
                () -> gateway().fetchPayment(new PaymentId("no-such-payment-" + OrderId.newId())));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void given_two_orders_and_only_the_first_paid_when_its_payment_is_fetched_then_it_carries_the_first_orders_reference_and_amount() {
        // What lets the application refuse a return to order B that points at order A's payment.
        CheckoutRequest orderA = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        CheckoutRequest orderB = checkoutFor(OrderId.newId(), ORDER_B_AMOUNT);
        PaymentSession sessionA = gateway().openCheckout(orderA);
        PaymentSession sessionB = gateway().openCheckout(orderB);
        PaymentId paymentOfA = paymentIdFrom(provider().buyerPays(sessionA, orderA));

        ProviderPayment payment = gateway().fetchPayment(paymentOfA);

        assertThat(payment.orderReference()).isEqualTo(orderA.orderId().toString())
                .isNotEqualTo(orderB.orderId().toString());
        assertThat(payment.sessionId()).contains(sessionA.id()).isNotEqualTo(Optional.of(sessionB.id()));
        assertThat(payment.amountMinorUnits()).isEqualTo(ORDER_A_AMOUNT.minorUnits());
        assertThat(gateway().fetchCheckout(sessionB.id()).paymentId()).isEmpty();
    }

    @Test
    void given_an_authorized_payment_when_part_then_the_rest_is_captured_then_the_captured_amounts_add_up() {
        PaymentId paymentId = authorizedPayment();

        OperationOutcome first = gateway().capture(paymentId, Money.of(100_00, "NOK"), List.of(), "capture-1");
        assertOperationShows(first, paymentId, OrderStatus.PARTIALLY_CAPTURED, 100_00, 0);

        OperationOutcome rest = gateway().capture(paymentId, Money.of(199_00, "NOK"), List.of(), "capture-2");
        assertOperationShows(rest, paymentId, OrderStatus.CAPTURED, 299_00, 0);
    }

    @Test
    void given_a_captured_payment_when_part_then_the_rest_is_refunded_then_the_refunded_amounts_add_up() {
        PaymentId paymentId = capturedPayment();

        OperationOutcome first = gateway().refund(paymentId, Money.of(99_00, "NOK"), List.of(),
                Optional.of("one item returned"),
                "refund-1");
        assertOperationShows(first, paymentId, OrderStatus.PARTIALLY_REFUNDED, 299_00, 99_00);

        OperationOutcome rest = gateway().refund(paymentId, Money.of(200_00, "NOK"), List.of(), Optional.empty(),
                "refund-2");
        assertOperationShows(rest, paymentId, OrderStatus.REFUNDED, 299_00, 299_00);
    }

    @Test
    void given_an_authorized_payment_when_captured_and_refunded_by_line_then_the_amounts_add_up() {
        PaymentId paymentId = authorizedPayment();

        OperationOutcome capture = gateway().capture(paymentId, Money.of(299_00, "NOK"),
                List.of(lineMove("1", 100_00), lineMove("2", 199_00)), "capture-lines");
        assertOperationShows(capture, paymentId, OrderStatus.CAPTURED, 299_00, 0);

        OperationOutcome refund = gateway().refund(paymentId, Money.of(100_00, "NOK"), List.of(lineMove("1", 100_00)),
                Optional.empty(), "refund-line");
        assertOperationShows(refund, paymentId, OrderStatus.PARTIALLY_REFUNDED, 299_00, 100_00);
    }

    @Test
    void given_a_payment_captured_in_part_and_refunded_in_part_when_the_rest_is_captured_then_all_of_it_is_captured() {
        PaymentId paymentId = authorizedPayment();
        assertOperationShows(gateway().capture(paymentId, Money.of(100_00, "NOK"), List.of(), "capture-1"), paymentId,
                OrderStatus.PARTIALLY_CAPTURED, 100_00, 0);
        assertOperationShows(gateway().refund(paymentId, Money.of(40_00, "NOK"), List.of(), Optional.empty(),
                "refund-1"), paymentId, OrderStatus.PARTIALLY_REFUNDED, 100_00, 40_00);

        OperationOutcome rest = gateway().capture(paymentId, Money.of(199_00, "NOK"), List.of(), "capture-2");
        assertOperationShows(rest, paymentId, OrderStatus.PARTIALLY_REFUNDED, 299_00, 40_00);

        OperationOutcome refundAll = gateway().refund(paymentId, Money.of(259_00, "NOK"), List.of(),
                Optional.empty(), "refund-2");
        assertOperationShows(refundAll, paymentId, OrderStatus.REFUNDED, 299_00, 299_00);
    }

    @Test
    void given_an_authorized_payment_when_more_than_authorized_is_captured_then_it_is_rejected_and_nothing_captured() {
        PaymentId paymentId = authorizedPayment();

        assertRejected(() -> gateway().capture(paymentId, Money.of(299_01, "NOK"), List.of(), "capture-too-much"));

        assertThat(gateway().fetchPayment(paymentId).capturedMinorUnits()).isZero();
    }

    @Test
    void given_a_captured_payment_when_more_than_captured_is_refunded_then_it_is_rejected_and_nothing_refunded() {
        PaymentId paymentId = capturedPayment();

        assertRejected(() -> gateway().refund(paymentId, Money.of(299_01, "NOK"), List.of(), Optional.empty(),
                "refund-too-much"));

        assertThat(gateway().fetchPayment(paymentId).refundedMinorUnits()).isZero();
    }

    @Test
    void given_an_authorized_payment_when_the_authorization_is_voided_then_the_payment_is_cancelled() {
        PaymentId paymentId = authorizedPayment();

        OperationOutcome outcome = gateway().voidAuthorization(paymentId);

        assertOperationShows(outcome, paymentId, OrderStatus.CANCELLED, 0, 0);
    }

    @Test
    void given_an_unpaid_checkout_when_it_is_cancelled_then_the_checkout_shows_it_ended_cancelled() {
        PaymentSession session = gateway().openCheckout(checkoutFor(OrderId.newId(), ORDER_A_AMOUNT));

        gateway().cancelCheckout(session.id());

        CheckoutStatus checkout = gateway().fetchCheckout(session.id());
        assertThat(checkout.paymentId()).isEmpty();
        assertThat(checkout.endedWithoutPayment()).contains(CheckoutEnding.CANCELLED);
    }

    @Test
    void given_the_providers_own_notification_of_a_payment_when_authenticated_then_it_names_that_payment() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentSession session = gateway().openCheckout(request);
        PaymentId paymentId = paymentIdFrom(provider().buyerPays(session, request));

        ProviderNotice notice = gateway().authenticateNotification(provider().paymentNotification(session, request));

        assertThat(notice.paymentId()).contains(paymentId);
        assertThat(notice.failureHint()).isEmpty();
    }

    @Test
    void given_a_forged_notification_of_a_payment_when_authenticated_then_it_is_refused() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentSession session = gateway().openCheckout(request);
        provider().buyerPays(session, request);
        InboundNotification forged = provider().forgedPaymentNotification(session, request);

        assertThatThrownBy(() -> gateway().authenticateNotification(forged))
                .isInstanceOf(UnauthenticNotificationException.class);
    }

    /** All of one unit of a line, its VAT a fifth of it. */
    private static LineMovement lineMove(String lineId, long amountMinor) {
        return new LineMovement(lineId, BigDecimal.ONE, Money.of(amountMinor, "NOK"), Money.of(amountMinor / 5, "NOK"));
    }

    /** A checkout of {@link #ORDER_A_AMOUNT} the buyer has paid, with its payment authorized and not captured. */
    private PaymentId authorizedPayment() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentId paymentId = paymentIdFrom(provider().buyerPays(gateway().openCheckout(request), request));
        assumeTrue(gateway().fetchPayment(paymentId).status() == OrderStatus.AUTHORIZED,
                "this provider captures as it authorizes, so there is no authorization to operate on");
        return paymentId;
    }

    /** A checkout of {@link #ORDER_A_AMOUNT} the buyer has paid, with all of it captured. */
    private PaymentId capturedPayment() {
        CheckoutRequest request = checkoutFor(OrderId.newId(), ORDER_A_AMOUNT);
        PaymentId paymentId = paymentIdFrom(provider().buyerPays(gateway().openCheckout(request), request));
        if (gateway().fetchPayment(paymentId).status() == OrderStatus.AUTHORIZED) {
            gateway().capture(paymentId, ORDER_A_AMOUNT, List.of(), "capture-all");
            provider().carryOutAcceptedOperations();
        }
        assertThat(gateway().fetchPayment(paymentId).capturedMinorUnits()).isEqualTo(ORDER_A_AMOUNT.minorUnits());
        return paymentId;
    }

    private PaymentId paymentIdFrom(Map<String, List<String>> returnParameters) {
        return gateway().readBuyerReturn(returnParameters).paymentId()
                .orElseThrow(() -> new AssertionError("the return after paying names no payment: " + returnParameters));
    }

    /**
     * A completed operation shows the payment as it now stands; an accepted one shows nothing yet. Either way,
     * once the provider has carried out what it accepted, the payment read afresh stands so.
     */
    private void assertOperationShows(OperationOutcome outcome, PaymentId paymentId, OrderStatus status,
                                      long captured, long refunded) {
        if (outcome instanceof OperationOutcome.Completed completed) {
            assertStands(completed.payment(), paymentId, status, captured, refunded);
        } else {
            provider().carryOutAcceptedOperations();
        }
        assertStands(gateway().fetchPayment(paymentId), paymentId, status, captured, refunded);
    }

    private static void assertStands(ProviderPayment payment, PaymentId paymentId, OrderStatus status, long captured,
                                     long refunded) {
        assertThat(payment.paymentId()).isEqualTo(paymentId);
        assertThat(payment.status()).isEqualTo(status);
        assertThat(payment.capturedMinorUnits()).as("captured").isEqualTo(captured);
        assertThat(payment.refundedMinorUnits()).as("refunded").isEqualTo(refunded);
    }

    private static void assertRejected(ThrowingCallable operation) {
        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class, operation);

        assertThat(failure).as("the provider refuses").isNotNull();
        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
    }

    /**
     * A checkout request as the application makes it. The expiry is a whole minute an hour ahead, a deadline
     * every provider can hold exactly.
     */
    private static CheckoutRequest checkoutFor(OrderId orderId, Money amount) {
        return checkoutFor(orderId, amount, OrderContents.NONE);
    }

    private static CheckoutRequest checkoutFor(OrderId orderId, Money amount, OrderContents contents) {
        return new CheckoutRequest(orderId, amount,
                URI.create("https://shop.example.test/orders/" + orderId + "/return"),
                URI.create("https://shop.example.test/orders/" + orderId + "/notifications"),
                Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES), contents);
    }
}
