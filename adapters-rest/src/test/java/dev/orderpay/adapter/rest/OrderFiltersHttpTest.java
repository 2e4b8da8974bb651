package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import io.micronaut.http.MediaType;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /orders with filters, over orders stored as they are; every test starts from an empty repository. */
@MicronautTest(rebuildContext = true)
class OrderFiltersHttpTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    Api api;
    @Inject
    RacingOrderRepository orders;

    @Test
    void given_orders_in_several_statuses_when_filtered_by_two_statuses_then_only_those_come_newest_first() {
        Order authorized = store("a", "NOK", OrderStatus.AUTHORIZED, 1);
        store("b", "NOK", OrderStatus.PENDING, 2);
        Order captured = store("c", "NOK", OrderStatus.CAPTURED, 3);

        assertThat(ids("/orders?status=AUTHORIZED&status=CAPTURED")).containsExactly(id(captured), id(authorized));
        assertThat(ids("/orders?status=AUTHORIZED,CAPTURED")).containsExactly(id(captured), id(authorized));
    }

    @Test
    void given_orders_in_two_currencies_when_filtered_by_one_then_only_its_orders_come() {
        store("a", "NOK", OrderStatus.PENDING, 1);
        Order sek = store("b", "SEK", OrderStatus.PENDING, 2);

        assertThat(ids("/orders?currency=SEK")).containsExactly(id(sek));
    }

    @Test
    void given_orders_over_several_hours_when_filtered_by_creation_time_then_from_is_included_and_to_is_not() {
        store("a", "NOK", OrderStatus.PENDING, 1);
        Order second = store("b", "NOK", OrderStatus.PENDING, 2);
        Order third = store("c", "NOK", OrderStatus.PENDING, 3);
        store("d", "NOK", OrderStatus.PENDING, 4);

        assertThat(ids("/orders?created_from=" + hour(2) + "&created_to=" + hour(4)))
                .containsExactly(id(third), id(second));
        assertThat(ids("/orders?created_from=" + hour(4))).hasSize(1);
        assertThat(ids("/orders?created_to=" + hour(2))).hasSize(1);
    }

    @Test
    void given_an_instant_with_an_offset_when_filtered_then_it_means_the_same_instant() {
        Order second = store("b", "NOK", OrderStatus.PENDING, 2);

        assertThat(ids("/orders?created_from=2026-01-01T03:00:00%2B01:00")).containsExactly(id(second));
    }

    @Test
    void given_orders_with_different_receipts_when_filtered_by_one_then_only_that_exact_receipt_comes() {
        Order wanted = store("shop order 7 & co", "NOK", OrderStatus.PENDING, 1);
        store("shop order 7", "NOK", OrderStatus.PENDING, 2);

        assertThat(ids(UriBuilder.of("/orders").queryParam("receipt", "shop order 7 & co").toString()))
                .containsExactly(id(wanted));
    }

    @Test
    void given_all_filters_and_a_small_page_when_following_next_links_then_every_match_comes_once_and_only_matches() {
        List<String> matching = new ArrayList<>();
        for (int hour = 1; hour <= 12; hour++) {
            String receipt = "a+b c&d";
            matching.add(id(store(receipt, "NOK", OrderStatus.AUTHORIZED, hour)));
            store(receipt, "SEK", OrderStatus.AUTHORIZED, hour);
            store(receipt, "NOK", OrderStatus.PENDING, hour);
            store("other", "NOK", OrderStatus.AUTHORIZED, hour);
        }
        List<String> newestInWindowFirst = new ArrayList<>(matching.subList(2, 10));
        Collections.reverse(newestInWindowFirst);
        String first = UriBuilder.of("/orders").queryParam("limit", 3).queryParam("status", "AUTHORIZED")
                .queryParam("currency", "NOK").queryParam("created_from", hour(3)).queryParam("created_to", hour(11))
                .queryParam("receipt", "a+b c&d").toString();

        List<String> listed = new ArrayList<>();
        List<String> nextLinks = new ArrayList<>();
        String next = first;
        while (next != null) {
            Api.Reply page = api.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.list("orders").forEach(order -> listed.add((String) order.get("id")));
            next = page.list("links").stream().filter(link -> "next".equals(link.get("rel")))
                    .map(link -> (String) link.get("href")).findFirst().orElse(null);
            if (next != null) {
                nextLinks.add(next);
            }
        }

        assertThat(listed).containsExactlyElementsOf(newestInWindowFirst);
        assertThat(nextLinks).hasSize(2).allSatisfy(link -> assertThat(new QueryStringDecoder(link).parameters())
                .containsEntry("limit", List.of("3")).containsEntry("status", List.of("AUTHORIZED"))
                .containsEntry("currency", List.of("NOK"))
                .containsEntry("created_from", List.of("2026-01-01T03:00:00Z"))
                .containsEntry("created_to", List.of("2026-01-01T11:00:00Z"))
                .containsEntry("receipt", List.of("a+b c&d"))
                .containsKey("cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            status=PAID                                               | status
            status=authorized                                         | status
            status=AUTHORIZED&status=                                 | status
            currency=nok                                              | currency
            currency=ABC                                              | currency
            created_from=yesterday                                    | created_from
            created_to=2026-13-01T00:00:00Z                           | created_to
            created_from=2026-01-01                                   | created_from
            receipt=                                                  | receipt
            created_from=2026-01-02T00:00:00Z&created_to=2026-01-01T00:00:00Z | created_to
            """)
    void given_a_bad_filter_value_when_listing_then_400_names_the_parameter(String query, String field) {
        Api.Reply reply = api.get("/orders?" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly(field);
    }

    @Test
    void given_several_bad_filter_values_when_listing_then_every_one_is_named() {
        Api.Reply reply = api.get("/orders?status=PAID&currency=nok&created_from=x&created_to=y");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("status", "currency", "created_from", "created_to");
    }

    private Order store(String receipt, String currency, OrderStatus status, int hour) {
        Order order = TestOrders.anOrder().withReceipt(receipt).withAmount(Money.of(1000, currency))
                .withStatus(status).createdAt(START.plus(hour, ChronoUnit.HOURS)).build();
        orders.add(order, NOT_HELD);
        return order;
    }

    private List<String> ids(String uri) {
        Api.Reply reply = api.get(uri);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list("orders").stream().map(order -> (String) order.get("id")).toList();
    }

    private static String id(Order order) {
        return order.id().toString();
    }

    private static String hour(int hour) {
        return START.plus(hour, ChronoUnit.HOURS).toString();
    }
}
