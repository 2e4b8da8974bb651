package dev.orderpay.adapter.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentState;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.LineSelection;
import dev.orderpay.domain.contents.LineShare;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.TestContents;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the contents cost in statements, and that an update leaves them alone. Statements are counted from Micronaut
 * Data's own query log, which names every statement it sends, on this test's thread.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderContentsStorageTest implements TestPropertyProvider {

    private final Logger queryLog = (Logger) LoggerFactory.getLogger("io.micronaut.data.query");
    private final ListAppender<ILoggingEvent> statements = new ListAppender<>();

    @Inject
    OrderRepository repository;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @BeforeEach
    void countStatements() {
        statements.start();
        queryLog.addAppender(statements);
        queryLog.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCounting() {
        queryLog.detachAppender(statements);
        queryLog.setLevel(null);
    }

    @Test
    void given_orders_with_lines_when_a_page_is_listed_then_one_statement_reads_it_and_no_line_is_read() {
        // Their own receipt keeps other tests' orders in the database off the page.
        String receipt = "listing-" + UUID.randomUUID();
        for (int order = 0; order < 5; order++) {
            repository.add(TestOrders.anOrder().withReceipt(receipt).withContents(TestContents.contentsOf29900())
                    .build(), NOT_HELD);
        }
        statements.list.clear();

        List<Order> page = repository.findNewestFirst(new OrderFilter(Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new Receipt(receipt))), Optional.empty(), 5);

        assertThat(page).hasSize(5).allSatisfy(order -> assertThat(order.contents().lines().count()).isEqualTo(2));
        assertThat(statementsOnThisThread()).hasSize(1).noneMatch(sql -> sql.contains("order_lines"));
    }

    @Test
    void given_an_order_with_lines_when_it_is_read_then_its_lines_take_one_more_statement_and_without_lines_none() {
        Order withLines = TestOrders.anOrder().withContents(TestContents.contentsOf29900()).build();
        Order without = TestOrders.anOrder().build();
        repository.add(withLines, NOT_HELD);
        repository.add(without, NOT_HELD);
        statements.list.clear();

        repository.findById(withLines.id());
        List<String> readWithLines = statementsOnThisThread();
        statements.list.clear();
        repository.findById(without.id());

        assertThat(readWithLines).hasSize(2);
        assertThat(readWithLines.get(1)).contains("order_lines");
        assertThat(statementsOnThisThread()).hasSize(1);
    }

    @Test
    void given_an_order_with_lines_when_it_is_added_then_its_lines_take_one_statement() {
        statements.list.clear();

        repository.add(TestOrders.anOrder().withContents(TestContents.contentsOf29900()).build(), NOT_HELD);

        assertThat(statementsOnThisThread()).hasSize(2);
    }

    @Test
    void given_an_order_with_contents_when_it_is_updated_then_the_update_writes_none_of_them() throws Exception {
        OrderContents contents = TestContents.contentsOf29900();
        Order order = TestOrders.anOrderWithCheckout().withContents(contents).build();
        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        statements.list.clear();

        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(loaded, TestEvents.of(loaded, Instant.now().plus(Duration.ofSeconds(1))));

        String update = statementsOnThisThread().stream().filter(sql -> sql.startsWith("UPDATE"))
                .findFirst().orElseThrow();
        assertThat(update).doesNotContain("line_count", "customer", "shipping_address", "billing_address",
                "metadata");
        assertThat(repository.findById(order.id()).orElseThrow().contents()).isEqualTo(contents);
        assertThat(lineRows(order)).isEqualTo(2);
    }

    @Test
    void given_an_order_with_contents_when_stored_then_the_customer_and_addresses_are_documents_in_our_shape()
            throws Exception {
        Order order = TestOrders.anOrder().withContents(TestContents.contentsOf29900()).build();
        repository.add(order, NOT_HELD);

        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT customer ->> 'phone_number', shipping_address ->> 'postal_place', metadata ->> 'shop_order'
                     FROM orders WHERE id = ?""")) {
            query.setObject(1, order.id().value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("+4799999999");
                assertThat(row.getString(2)).isEqualTo("Oslo");
                assertThat(row.getString(3)).isEqualTo("A-17");
            }
        }
    }

    @Test
    void given_a_capture_by_line_when_stored_pending_and_then_confirmed_then_only_the_moved_line_is_written()
            throws Exception {
        Order order = TestOrders.anAuthorizedOrder().withContents(TestContents.twoLinesOf15000()).build();
        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.startCapture(Optional.empty(), List.of(new LineSelection("a", Optional.of(BigDecimal.ONE),
                Optional.empty())), TestOrders.NOW);
        Order reserved = repository.update(loaded, List.of());
        Order pending = repository.findById(order.id()).orElseThrow();
        assertThat(pending.pendingOperation()).isEqualTo(reserved.pendingOperation());
        assertThat(pending.pendingOperation().orElseThrow().lines())
                .containsExactly(new LineMovement("a", BigDecimal.ONE, nok(33_33), nok(6_66)));
        statements.list.clear();

        pending.followPayment(new PaymentState(new PaymentId("payment-1"), OrderStatus.PARTIALLY_CAPTURED,
                nok(33_33), nok(0)), TestOrders.BY_TEST);
        Order confirmed = repository.update(pending, TestEvents.of(pending, Instant.now().plusSeconds(1)));

        assertThat(statementsOnThisThread()).filteredOn(sql -> sql.startsWith("UPDATE order_lines")).hasSize(1);
        Order read = repository.findById(order.id()).orElseThrow();
        assertThat(read.lineLedgers()).isEqualTo(confirmed.lineLedgers());
        assertThat(read.lineLedgers()).extracting(LineLedger::captured).containsExactly(
                new LineShare(BigDecimal.ONE, nok(33_33), nok(6_66)), LineShare.none(nok(0).currency()));
        assertThat(read.pendingOperation()).isEmpty();
        assertThat(lineRows(order)).isEqualTo(2);
    }

    private static Money nok(long minorUnits) {
        return Money.of(minorUnits, "NOK");
    }

    private List<String> statementsOnThisThread() {
        String thread = Thread.currentThread().getName();
        return statements.list.stream()
                .filter(event -> event.getThreadName().equals(thread))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Executing"))
                .map(message -> message.substring(message.indexOf(':') + 1).trim())
                .toList();
    }

    private static int lineRows(Order order) throws Exception {
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM order_lines WHERE order_id = ?")) {
            query.setObject(1, order.id().value());
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }
}
