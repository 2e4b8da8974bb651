package dev.orderpay.domain;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds orders for tests: {@code TestOrders.anOrder().withStatus(AUTHORIZED).build()}. */
public final class TestOrders {

    public static final Instant CREATED_AT = Instant.parse("2026-03-08T13:24:40.818Z");
    /** Provenance for changes a test makes directly, where where-from does not matter. */
    public static final Provenance BY_TEST = Provenance.unreferenced(ChangeSource.API, CREATED_AT);

    private OrderId id = OrderId.newId();
    private Money amount = nok(299_00);
    private Receipt receipt = new Receipt("receipt#1");
    private Instant createdAt = CREATED_AT;
    private OrderStatus status = OrderStatus.PENDING;
    private PaymentSession session;
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

    public static Money nok(long minorUnits) {
        return Money.of(minorUnits, "NOK");
    }

    public static PaymentSession sessionFor(String id) {
        return new PaymentSession(id, URI.create("https://checkout.example.test/v1/view/" + id));
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

    public TestOrders withVersion(long value) {
        this.version = value;
        return this;
    }

    public Order build() {
        return Order.rehydrate(id, amount, receipt, createdAt, status, session, version);
    }
}
