package dev.orderpay.adapter.rest;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.TestOrders;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /orders/totals over stored orders; every test starts from an empty repository. */
@MicronautTest(rebuildContext = true)
class OrderTotalsHttpTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    Api api;
    @Inject
    RacingOrderRepository orders;

    @BeforeEach
    void given_paid_and_unpaid_orders_in_two_currencies() {
        storePaid("NOK", 10_000, OrderStatus.AUTHORIZED, 0, 0, 1);
        storePaid("NOK", 20_000, OrderStatus.CAPTURED, 20_000, 0, 2);
        storePaid("NOK", 5_000, OrderStatus.PARTIALLY_REFUNDED, 5_000, 2_000, 3);
        storePaid("SEK", 3_000, OrderStatus.CAPTURED, 3_000, 0, 4);
        // Neither was paid: no money to count.
        orders.add(TestOrders.anOrderWithCheckout().withAmount(Money.of(99_999, "NOK"))
                .createdAt(START.plus(5, ChronoUnit.HOURS)).build(), NOT_HELD);
        orders.add(TestOrders.anOrder().withAmount(Money.of(77_777, "NOK")).withStatus(OrderStatus.CANCELLED)
                .createdAt(START.plus(6, ChronoUnit.HOURS)).build(), NOT_HELD);
    }

    @Test
    void given_no_filter_when_totals_are_asked_for_then_each_currency_sums_its_paid_orders() {
        Api.Reply reply = api.get("/orders/totals");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list("totals")).containsExactlyInAnyOrder(
                Map.of("currency", "NOK", "authorized", 35_000, "captured", 25_000, "refunded", 2_000,
                        "net", 23_000),
                Map.of("currency", "SEK", "authorized", 3_000, "captured", 3_000, "refunded", 0, "net", 3_000));
    }

    @Test
    void given_a_currency_when_totals_are_asked_for_then_only_that_currency_is_summed() {
        Api.Reply reply = api.get("/orders/totals?currency=SEK");

        assertThat(reply.list("totals")).extracting(total -> total.get("currency")).containsExactly("SEK");
    }

    @Test
    void given_a_time_window_when_totals_are_asked_for_then_only_orders_created_in_it_are_summed() {
        Api.Reply reply = api.get("/orders/totals?currency=NOK&from=" + hour(2) + "&to=" + hour(3));

        assertThat(reply.list("totals")).containsExactly(Map.of("currency", "NOK", "authorized", 20_000,
                "captured", 20_000, "refunded", 0, "net", 20_000));
    }

    @Test
    void given_a_window_without_paid_orders_when_totals_are_asked_for_then_the_list_is_empty() {
        Api.Reply reply = api.get("/orders/totals?from=" + hour(5));

        assertThat(reply.status()).isEqualTo(200);
        // The document makes totals required: an empty list is sent, not left out.
        assertThat(reply.json()).isEqualTo(Map.of("totals", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            currency=nok                                         | currency
            from=yesterday                                       | from
            to=2026-01-01                                        | to
            from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z    | to
            """)
    void given_a_bad_value_when_totals_are_asked_for_then_400_names_the_parameter(String query, String field) {
        Api.Reply reply = api.get("/orders/totals?" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.errorFields()).containsExactly(field);
    }

    private void storePaid(String currency, long amount, OrderStatus status, long captured, long refunded, int hour) {
        orders.add(Order.rehydrate(OrderId.newId(), Money.of(amount, currency), new Receipt("paid " + hour), null,
                OrderContents.NONE, START.plus(hour, ChronoUnit.HOURS), status, TestOrders.sessionFor("session-" + hour),
                new OrderPayment(Optional.of(new PaymentId("payment-" + hour)), Money.of(captured, currency),
                        Money.of(refunded, currency)), null, 0, 0), NOT_HELD);
    }

    private static String hour(int hour) {
        return START.plus(hour, ChronoUnit.HOURS).toString();
    }
}
