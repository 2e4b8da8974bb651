package dev.orderpay.application.port.out;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentSession;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider in memory, for use-case and HTTP tests. Its buyer returns use its own parameter names,
 * {@code payment_id} and {@code error} ({@code cancelled}, {@code declined} or {@code failed}).
 */
public class FakePaymentGateway implements PaymentGateway {

    private final List<CheckoutRequest> checkoutRequests = new CopyOnWriteArrayList<>();
    private final Map<String, ProviderPayment> payments = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile PaymentProviderException checkoutFailure;
    private volatile PaymentProviderException fetchFailure;

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        checkoutRequests.add(request);
        if (checkoutFailure != null) {
            throw checkoutFailure;
        }
        String id = "fake-session-" + sequence.incrementAndGet();
        return new PaymentSession(id, URI.create("https://pay.example.test/checkout/" + id));
    }

    @Override
    public ProviderPayment fetchPayment(String paymentId) {
        fetches.incrementAndGet();
        if (fetchFailure != null) {
            throw fetchFailure;
        }
        ProviderPayment payment = payments.get(paymentId);
        if (payment == null) {
            throw new PaymentProviderException(PaymentProviderException.Kind.NOT_FOUND, "no payment " + paymentId);
        }
        return payment;
    }

    @Override
    public BuyerReturn readBuyerReturn(Map<String, List<String>> parameters) {
        Optional<String> paymentId = first(parameters, "payment_id");
        Optional<OrderStatus> hint = first(parameters, "error").map(error -> switch (error) {
            case "cancelled" -> OrderStatus.CANCELLED;
            case "declined" -> OrderStatus.DECLINED;
            default -> OrderStatus.FAILED;
        });
        return new BuyerReturn(paymentId, hint);
    }

    /** The provider now holds a payment for the order's checkout, in the given status; returns its id. */
    public String paymentFor(Order order, OrderStatus status) {
        return record(order.session().orElseThrow().id(), order.id().toString(), order.amount().minorUnits(),
                order.amount().currencyCode(), status);
    }

    /** The provider now holds a payment with exactly these properties; returns its id. */
    public String record(String sessionId, String orderReference, long amount, String currency, OrderStatus status) {
        String id = "fake-payment-" + sequence.incrementAndGet();
        payments.put(id, new ProviderPayment(id, sessionId, orderReference, amount, currency, status));
        return id;
    }

    /** Changes the status of a payment the provider already holds. */
    public void changeStatus(String paymentId, OrderStatus status) {
        payments.computeIfPresent(paymentId, (id, payment) -> new ProviderPayment(id, payment.sessionId(),
                payment.orderReference(), payment.amountMinorUnits(), payment.currency(), status));
    }

    public void failCheckouts(PaymentProviderException.Kind kind) {
        checkoutFailure = new PaymentProviderException(kind, "checkout refused by the fake provider");
    }

    public void failFetches(PaymentProviderException.Kind kind) {
        fetchFailure = new PaymentProviderException(kind, "fetch refused by the fake provider");
    }

    public List<CheckoutRequest> checkoutRequests() {
        return List.copyOf(checkoutRequests);
    }

    public int fetchCount() {
        return fetches.get();
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).flatMap(values -> values.stream().findFirst());
    }
}
