package dev.orderpay.domain;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.webhook.CallbackUrl;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Builds orders for tests: {@code TestOrders.anOrder().withStatus(AUTHORIZED).build()}. */
public final class TestOrders {

    public static final Instant CREATED_AT = Instant.parse("2026-03-08T13:24:40.818Z");
    /** When a test places an order or starts an operation; with microseconds, as stored. */
    public static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123Z");
    /** Provenance for changes a test makes directly, where where-from does not matter. */
    public static final Provenance BY_TEST = Provenance.unreferenced(ChangeSource.API, CREATED_AT);

    private OrderId id = OrderId.newId();
    private Money amount = nok(299_00);
    private Receipt receipt = new Receipt("receipt#1");
    private CallbackUrl callbackUrl;
    private OrderContents contents = OrderContents.NONE;
    private Instant createdAt = CREATED_AT;
    private OrderStatus status = OrderStatus.PENDING;
    private PaymentSession session;
    private PaymentId paymentId;
    private long capturedMinorUnits;
    private long refundedMinorUnits;
    private PendingOperation pendingOperation;
    private long lastEventSequence;
    private long version;

    private TestOrders() {
    }

    /** A pending order of 299.00 NOK with no checkout opened yet. */
    public static TestOrders anOrder() {
        return new TestOrders();
    }

    /** A pending order whose checkout is open, as the buyer finds it. */
    public static TestOrders anOrderWithCheckout() {
        return anOrder().withSession(sessionFor("T11223674.testsession"));
    }

    /** An order whose payment is authorized at the provider and linked, nothing captured yet. */
    public static TestOrders anAuthorizedOrder() {
        return anOrderWithCheckout().withStatus(OrderStatus.AUTHORIZED).withPayment("payment-1", 0, 0);
    }

    public static Money nok(long minorUnits) {
        return Money.of(minorUnits, "NOK");
    }

    public static PaymentSession sessionFor(String id) {
        return new PaymentSession(new SessionId(id), URI.create("https://checkout.example.test/v1/view/" + id));
    }

    public TestOrders withId(OrderId value) {
        this.id = value;
        return this;
    }

    public TestOrders withAmount(Money value) {
        this.amount = value;
        return this;
    }

    public TestOrders withReceipt(String value) {
        this.receipt = new Receipt(value);
        return this;
    }

    public TestOrders createdAt(Instant value) {
        this.createdAt = value.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public TestOrders withStatus(OrderStatus value) {
        this.status = value;
        return this;
    }

    public TestOrders withSession(PaymentSession value) {
        this.session = value;
        return this;
    }

    /**
     * Links the provider's payment, with so much of it captured and refunded in the order's currency; the status is
     * set separately.
     */
    public TestOrders withPayment(String paymentId, long capturedMinorUnits, long refundedMinorUnits) {
        this.paymentId = new PaymentId(paymentId);
        this.capturedMinorUnits = capturedMinorUnits;
        this.refundedMinorUnits = refundedMinorUnits;
        return this;
    }

    /** As if the order had told its merchant this many events already. */
    public TestOrders withLastEventSequence(long value) {
        this.lastEventSequence = value;
        return this;
    }

    public TestOrders withPendingOperation(PendingOperation value) {
        this.pendingOperation = value;
        return this;
    }

    public TestOrders withCallbackUrl(String value) {
        this.callbackUrl = CallbackUrl.parse(value);
        return this;
    }

    /** With contents; the amount becomes what their lines add up to when there are any. */
    public TestOrders withContents(OrderContents value) {
        this.contents = value;
        if (!value.lines().isEmpty()) {
            this.amount = value.lines().total(amount.currency());
        }
        return this;
    }

    public TestOrders withVersion(long value) {
        this.version = value;
        return this;
    }

    public Order build() {
        OrderPayment payment = new OrderPayment(Optional.ofNullable(paymentId),
                new Money(capturedMinorUnits, amount.currency()), new Money(refundedMinorUnits, amount.currency()));
        return Order.rehydrate(id, amount, receipt, callbackUrl, contents, createdAt, status, session, payment,
                pendingOperation, lastEventSequence, version);
    }
}
