package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A provider in memory, for use-case and HTTP tests. Its buyer returns and notifications use its own parameter
 * names, {@code payment_id}, {@code error} ({@code cancelled}, {@code declined} or {@code failed}) and
 * {@code event_id}; a notification is authentic when its {@value #SIGNATURE_HEADER} header says
 * {@value #VALID_SIGNATURE}, and {@value #DELIVERY_HEADER} names the delivery.
 */
public class FakePaymentGateway implements PaymentGateway {

    public static final String SIGNATURE_HEADER = "x-fake-signature";
    public static final String VALID_SIGNATURE = "valid";
    public static final String DELIVERY_HEADER = "x-fake-delivery";

    private final List<CheckoutRequest> checkoutRequests = new CopyOnWriteArrayList<>();
    private final Map<PaymentId, ProviderPayment> payments = new ConcurrentHashMap<>();
    private final Map<SessionId, CheckoutStatus> checkouts = new ConcurrentHashMap<>();
    private final Map<SessionId, CheckoutRequest> openedWith = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<Runnable> acceptedForLater = new CopyOnWriteArrayList<>();
    private volatile boolean acceptForLater;
    private volatile PaymentProviderException operationFailure;
    private volatile PaymentProviderException lostAnswer;
    private volatile PaymentProviderException checkoutFailure;
    private volatile PaymentProviderException fetchFailure;

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        checkoutRequests.add(request);
        if (checkoutFailure != null) {
            throw checkoutFailure;
        }
        SessionId id = new SessionId("fake-session-" + sequence.incrementAndGet());
        checkouts.put(id, new CheckoutStatus(Optional.empty(), Optional.empty(), Optional.of(request.expiresAt())));
        openedWith.put(id, request);
        return new PaymentSession(id, URI.create("https://pay.example.test/checkout/" + id));
    }

    @Override
    public CheckoutStatus fetchCheckout(SessionId sessionId) {
        fetches.incrementAndGet();
        if (fetchFailure != null) {
            throw fetchFailure;
        }
        CheckoutStatus checkout = checkouts.get(sessionId);
        if (checkout == null) {
            throw new PaymentProviderException(PaymentProviderException.Kind.NOT_FOUND, "no checkout " + sessionId);
        }
        return checkout;
    }

    @Override
    public ProviderNotice authenticateNotification(InboundNotification notification) {
        if (!notification.header(SIGNATURE_HEADER).filter(VALID_SIGNATURE::equals).isPresent()) {
            throw new UnauthenticNotificationException("missing or wrong " + SIGNATURE_HEADER);
        }
        BuyerReturn claims = readBuyerReturn(notification.query());
        return new ProviderNotice(notification.header(DELIVERY_HEADER), claims.paymentId(), claims.failureHint(),
                notification.queryParameter("event_id"));
    }

    @Override
    public ProviderPayment fetchPayment(PaymentId paymentId) {
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
        Optional<PaymentId> paymentId = first(parameters, "payment_id").map(PaymentId::new);
        Optional<CheckoutEnding> hint = first(parameters, "error").map(error -> switch (error) {
            case "cancelled" -> CheckoutEnding.CANCELLED;
            case "declined" -> CheckoutEnding.DECLINED;
            default -> CheckoutEnding.FAILED;
        });
        return new BuyerReturn(paymentId, hint);
    }

    /** The provider now holds a payment for the order's checkout, in the given status; returns its id. */
    public PaymentId paymentFor(Order order, OrderStatus status) {
        return record(order.session().orElseThrow().id(), order.id().toString(), order.amount().minorUnits(),
                order.amount().currencyCode(), status);
    }

    /**
     * The buyer pays in a checkout this fake opened: the provider now holds a payment, in the given status, for the
     * order and amount the checkout was opened with; returns its id.
     */
    public PaymentId buyerPays(SessionId sessionId, OrderStatus status) {
        CheckoutRequest request = openedWith.get(sessionId);
        if (request == null) {
            throw new IllegalArgumentException("the fake opened no checkout " + sessionId);
        }
        return record(sessionId, request.orderId().toString(), request.amount().minorUnits(),
                request.amount().currencyCode(), status);
    }

    /** The provider now holds a payment with exactly these properties, made in that checkout; returns its id. */
    public PaymentId record(SessionId sessionId, String orderReference, long amount, String currency,
                            OrderStatus status) {
        PaymentId id = new PaymentId("fake-payment-" + sequence.incrementAndGet());
        payments.put(id, new ProviderPayment(id, Optional.of(sessionId), orderReference, amount, currency, status,
                status == OrderStatus.CAPTURED ? amount : 0, 0));
        checkouts.computeIfPresent(sessionId, (session, checkout) ->
                new CheckoutStatus(Optional.of(id), checkout.endedWithoutPayment(), checkout.expiresAt()));
        return id;
    }

    /** The provider now records that the checkout ended without payment. */
    public void endCheckout(SessionId sessionId, CheckoutEnding ending) {
        checkouts.computeIfPresent(sessionId, (session, checkout) ->
                new CheckoutStatus(checkout.paymentId(), Optional.of(ending), checkout.expiresAt()));
    }

    /** Changes the status of a payment the provider already holds. */
    public void changeStatus(PaymentId paymentId, OrderStatus status) {
        payments.computeIfPresent(paymentId, (id, payment) -> with(payment, status, payment.capturedMinorUnits(),
                payment.refundedMinorUnits()));
    }

    @Override
    public OperationOutcome capture(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                   String reference) {
        return operate("capture " + paymentId + " " + amount + described(lines), paymentId, payment -> {
            requireLinesAddUp(lines, amount);
            long captured = payment.capturedMinorUnits() + amount.minorUnits();
            if (!EnumSet.of(OrderStatus.AUTHORIZED, OrderStatus.PARTIALLY_CAPTURED, OrderStatus.PARTIALLY_REFUNDED)
                    .contains(payment.status()) || captured > payment.amountMinorUnits()) {
                throw new PaymentProviderException(PaymentProviderException.Kind.REJECTED, "cannot capture " + amount);
            }
            OrderStatus status = payment.refundedMinorUnits() > 0 ? OrderStatus.PARTIALLY_REFUNDED
                    : captured == payment.amountMinorUnits() ? OrderStatus.CAPTURED : OrderStatus.PARTIALLY_CAPTURED;
            return with(payment, status, captured, payment.refundedMinorUnits());
        });
    }

    @Override
    public OperationOutcome refund(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                  Optional<String> reason, String reference) {
        return operate("refund " + paymentId + " " + amount + described(lines), paymentId, payment -> {
            requireLinesAddUp(lines, amount);
            long refunded = payment.refundedMinorUnits() + amount.minorUnits();
            if (refunded > payment.capturedMinorUnits()) {
                throw new PaymentProviderException(PaymentProviderException.Kind.REJECTED, "cannot refund " + amount);
            }
            return with(payment, refunded == payment.capturedMinorUnits()
                    ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED, payment.capturedMinorUnits(), refunded);
        });
    }

    @Override
    public OperationOutcome voidAuthorization(PaymentId paymentId) {
        return operate("void " + paymentId, paymentId, payment -> {
            if (payment.status() != OrderStatus.AUTHORIZED) {
                throw new PaymentProviderException(PaymentProviderException.Kind.REJECTED, "cannot void");
            }
            return with(payment, OrderStatus.CANCELLED, 0, 0);
        });
    }

    @Override
    public void cancelCheckout(SessionId sessionId) {
        operations.add("cancel checkout " + sessionId);
        if (operationFailure != null) {
            throw operationFailure;
        }
        endCheckout(sessionId, CheckoutEnding.CANCELLED);
    }

    /** From now on the provider accepts operations for later; {@link #carryOutAcceptedOperations} does them. */
    public void acceptOperationsForLater() {
        acceptForLater = true;
    }

    public void carryOutAcceptedOperations() {
        acceptedForLater.forEach(Runnable::run);
        acceptedForLater.clear();
    }

    /** Operations are refused or fail before anything happens. */
    public void failOperations(PaymentProviderException.Kind kind) {
        operationFailure = new PaymentProviderException(kind, "operation refused by the fake provider");
    }

    /** Operations happen, but the answer is lost on the way back (a timeout, say). */
    public void loseOperationAnswers(PaymentProviderException.Kind kind) {
        lostAnswer = new PaymentProviderException(kind, "answer lost on the way from the fake provider");
    }

    /** What the provider was asked to do, in order, e.g. {@code capture fake-payment-2 50.00 NOK}. */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** How {@link #operations()} shows an operation's lines: nothing for none, else each as id:quantity:amount. */
    private static String described(List<LineMovement> lines) {
        return lines.stream().map(line -> " " + line.lineId() + ":" + line.quantity().toPlainString() + ":"
                + line.amount().minorUnits()).collect(Collectors.joining());
    }

    private static void requireLinesAddUp(List<LineMovement> lines, Money amount) {
        if (!lines.isEmpty() && !LineMovement.total(lines, amount.currency()).equals(amount)) {
            throw new PaymentProviderException(PaymentProviderException.Kind.REJECTED, "lines do not add up to "
                    + amount);
        }
    }

    private OperationOutcome operate(String description, PaymentId paymentId, UnaryOperator<ProviderPayment> change) {
        operations.add(description);
        if (operationFailure != null) {
            throw operationFailure;
        }
        ProviderPayment payment = payments.get(paymentId);
        if (payment == null) {
            throw new PaymentProviderException(PaymentProviderException.Kind.NOT_FOUND, "no payment " + paymentId);
        }
        ProviderPayment changed = change.apply(payment);
        if (acceptForLater) {
            acceptedForLater.add(() -> payments.put(paymentId, changed));
            return new OperationOutcome.Accepted();
        }
        payments.put(paymentId, changed);
        if (lostAnswer != null) {
            throw lostAnswer;
        }
        return new OperationOutcome.Completed(changed);
    }

    private static ProviderPayment with(ProviderPayment payment, OrderStatus status, long captured, long refunded) {
        return new ProviderPayment(payment.paymentId(), payment.sessionId(), payment.orderReference(),
                payment.amountMinorUnits(), payment.currency(), status, captured, refunded);
    }

    public void failCheckouts(PaymentProviderException.Kind kind) {
        checkoutFailure = new PaymentProviderException(kind, "checkout refused by the fake provider");
    }

    /** The provider no longer knows any payment, as a simulator that restarted. */
    public void forgetPayments() {
        payments.clear();
    }

    public void failFetches(PaymentProviderException.Kind kind) {
        fetchFailure = new PaymentProviderException(kind, "fetch refused by the fake provider");
    }

    /** Payments can be read again, after {@link #failFetches}. */
    public void answerFetchesAgain() {
        fetchFailure = null;
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
