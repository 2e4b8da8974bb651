package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Items, customer, addresses and metadata from POST /orders to GET /orders/{id} and the listing's summary. */
@MicronautTest
class OrderContentsHttpTest {

    private static final String ITEMS = """
            [{"line_id": "1", "description": "Wool socks", "quantity": 2, "amount": 19800, "vat": 25,
              "vat_amount": 3960, "sku": "SOCK-42"},
             {"line_id": "2", "description": "Cheese, per kg", "quantity": 0.125, "amount": 10100, "vat": 15.5,
              "vat_amount": 1355}]""";
    private static final String CUSTOMER = """
            {"email": "kari@example.com", "phone_number": "+4799999999", "first_name": "Kari",
             "last_name": "Nordmann"}""";
    private static final String ADDRESS = """
            {"first_name": "Kari", "address_line": "Storgata 1", "postal_code": "0155", "postal_place": "Oslo",
             "country": "NO"}""";

    @Inject
    Api api;
    @Inject
    InMemoryOrderRepository orders;

    @Test
    void given_items_a_customer_addresses_and_metadata_when_posted_then_the_order_shows_them_all() {
        Api.Reply created = api.postJson("/orders", """
                {"currency": "NOK", "receipt": "receipt#1", "items": %s, "customer": %s,
                 "shipping_address": %s, "billing_address": %s, "metadata": {"channel": "web", "shop_order": "A-17"}}
                """.formatted(ITEMS, CUSTOMER, ADDRESS, ADDRESS));

        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        Map<String, Object> shown = api.get("/orders/" + id).json();
        assertThat(created.json()).isEqualTo(shown);
        assertThat(shown).containsEntry("amount", 29900).containsEntry("line_count", 2)
                .containsEntry("customer_email", "kari@example.com")
                .containsEntry("metadata", Map.of("channel", "web", "shop_order", "A-17"))
                .containsEntry("customer", Map.of("email", "kari@example.com", "phone_number", "+4799999999",
                        "first_name", "Kari", "last_name", "Nordmann"))
                .containsEntry("shipping_address", Map.of("first_name", "Kari", "address_line", "Storgata 1",
                        "postal_code", "0155", "postal_place", "Oslo", "country", "NO"))
                .containsKey("billing_address");
        // Nothing of a line is captured or refunded yet.
        assertThat(created.list("items")).containsExactly(
                Map.ofEntries(Map.entry("line_id", "1"), Map.entry("description", "Wool socks"),
                        Map.entry("quantity", 2), Map.entry("amount", 19800), Map.entry("vat", 25),
                        Map.entry("vat_amount", 3960), Map.entry("sku", "SOCK-42"), Map.entry("captured_quantity", 0),
                        Map.entry("captured_amount", 0), Map.entry("refunded_quantity", 0),
                        Map.entry("refunded_amount", 0)),
                Map.ofEntries(Map.entry("line_id", "2"), Map.entry("description", "Cheese, per kg"),
                        Map.entry("quantity", 0.125), Map.entry("amount", 10100), Map.entry("vat", 15.5),
                        Map.entry("vat_amount", 1355), Map.entry("captured_quantity", 0),
                        Map.entry("captured_amount", 0), Map.entry("refunded_quantity", 0),
                        Map.entry("refunded_amount", 0)));
    }

    @Test
    void given_an_order_with_contents_when_its_event_is_read_then_its_data_is_the_order_as_shown() {
        String id = (String) api.postJson("/orders", """
                {"currency": "NOK", "receipt": "evented", "items": %s, "customer": %s, "shipping_address": %s,
                 "metadata": {"channel": "web"}}""".formatted(ITEMS, CUSTOMER, ADDRESS)).json().get("id");

        Map<String, Object> event = api.get("/events?order_id=" + id).list("events").get(0);

        assertThat(event).containsEntry("data", api.get("/orders/" + id).json());
    }

    @Test
    void given_an_order_without_contents_when_shown_then_it_has_no_lines_empty_metadata_and_no_customer() {
        Map<String, Object> shown = api.createOrder(100, "NOK", "plain").json();

        assertThat(shown).containsEntry("items", List.of()).containsEntry("line_count", 0)
                .containsEntry("metadata", Map.of())
                .doesNotContainKeys("customer", "customer_email", "shipping_address", "billing_address");
    }

    @Test
    void given_orders_with_contents_when_listed_then_each_shows_its_summary_only() {
        String receipt = "listed-" + UUID.randomUUID();
        api.postJson("/orders", """
                {"currency": "NOK", "receipt": "%s", "items": %s, "customer": %s, "shipping_address": %s,
                 "metadata": {"channel": "web"}}""".formatted(receipt, ITEMS, CUSTOMER, ADDRESS));

        Map<String, Object> listed = api.get("/orders?receipt=" + receipt).list("orders").get(0);

        assertThat(listed).containsEntry("line_count", 2).containsEntry("customer_email", "kari@example.com")
                .containsEntry("metadata", Map.of("channel", "web"))
                .doesNotContainKeys("items", "customer", "shipping_address", "billing_address");
    }

    @Test
    void given_an_order_with_a_customer_and_no_lines_when_listed_then_it_shows_its_summary_only() {
        String receipt = "listed-" + UUID.randomUUID();
        api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "%s", "customer": %s}""".formatted(receipt, CUSTOMER));

        Map<String, Object> listed = api.get("/orders?receipt=" + receipt).list("orders").get(0);

        assertThat(listed).containsEntry("line_count", 0).containsEntry("customer_email", "kari@example.com")
                .doesNotContainKeys("items", "customer");
    }

    @Test
    void given_orders_when_filtered_by_customer_email_and_metadata_then_only_those_matching_all_are_listed() {
        String campaign = "c" + UUID.randomUUID().toString().substring(0, 8);
        String both = createWith("ola@example.com", "{\"campaign\": \"%s\", \"channel\": \"web\"}".formatted(campaign));
        String webOnly = createWith("kari@example.com", "{\"campaign\": \"%s\", \"channel\": \"app\"}"
                .formatted(campaign));

        assertThat(listedIds("metadata[campaign]=" + campaign)).containsExactly(webOnly, both);
        assertThat(listedIds("metadata[campaign]=" + campaign + "&metadata[channel]=web")).containsExactly(both);
        assertThat(listedIds("metadata[campaign]=" + campaign + "&customer_email=kari@example.com"))
                .containsExactly(webOnly);
        assertThat(listedIds("metadata[campaign]=" + campaign + "&customer_email=nobody@example.com")).isEmpty();
    }

    @Test
    void given_a_filtered_page_when_more_remain_then_the_next_link_keeps_the_contents_filters() {
        String campaign = "n" + UUID.randomUUID().toString().substring(0, 8);
        String older = createWith("ola@example.com", "{\"campaign\": \"%s\"}".formatted(campaign));
        createWith("ola@example.com", "{\"campaign\": \"%s\"}".formatted(campaign));

        Api.Reply first = api.get("/orders?limit=1&customer_email=ola@example.com&metadata[campaign]=" + campaign);
        String next = (String) first.list("links").get(0).get("href");

        assertThat(next).contains("customer_email=ola%40example.com", "metadata%5Bcampaign%5D=" + campaign);
        assertThat(api.get(next).list("orders")).extracting(order -> order.get("id")).containsExactly(older);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            customer_email=kari                  | customer_email
            metadata[bad%20key]=v                | metadata[bad key]
            metadata[channel]=%20                | metadata[channel]
            metadata[a]=1&metadata[a]=2          | metadata[a]
            """)
    void given_a_bad_contents_filter_when_listing_then_400_names_it(String query, String field) {
        Api.Reply reply = api.get("/orders?" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(field);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"line_id": "", "description": "d", "quantity": 1, "amount": 100, "vat": 25, "vat_amount": 20}     | items[0].line_id
            {"line_id": "1", "quantity": 1, "amount": 100, "vat": 25, "vat_amount": 20}                          | items[0].description
            {"line_id": "1", "description": "d", "quantity": 0, "amount": 100, "vat": 25, "vat_amount": 20}    | items[0].quantity
            {"line_id": "1", "description": "d", "quantity": 1.0001, "amount": 100, "vat": 25, "vat_amount": 20} | items[0].quantity
            {"line_id": "1", "description": "d", "quantity": "1", "amount": 100, "vat": 25, "vat_amount": 20}  | items[0].quantity
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 1.5, "vat": 25, "vat_amount": 20}    | items[0].amount
            {"line_id": "1", "description": "d", "quantity": 1, "amount": -1, "vat": 25, "vat_amount": 20}     | items[0].amount
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 100.5, "vat_amount": 20} | items[0].vat
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 2.555, "vat_amount": 20} | items[0].vat
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 25, "vat_amount": 101}   | items[0].vat_amount
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 25}                       | items[0].vat_amount
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 25, "vat_amount": 20, "sku": ""} | items[0].sku
            {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 25, "vat_amount": 20, "colour": "red"} | items[0].colour
            """)
    void given_one_bad_field_of_a_line_when_posted_then_400_names_its_path_and_nothing_is_stored(String line,
                                                                                                String field) {
        int storedBefore = storedOrders();

        Api.Reply reply = api.postJson("/orders", """
                {"currency": "NOK", "receipt": "r", "items": [%s]}""".formatted(line));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(storedOrders()).isEqualTo(storedBefore);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "customer": {"email": "kari"}                                                  | customer.email
            "customer": {"phone_number": "99999999"}                                       | customer.phone_number
            "customer": {"first_name": " "}                                                | customer.first_name
            "customer": {"last_name": 7}                                                   | customer.last_name
            "shipping_address": {"postal_code": "0155", "postal_place": "Oslo", "country": "NO"} | shipping_address.address_line
            "shipping_address": {"address_line": "a", "postal_place": "Oslo", "country": "NO"}   | shipping_address.postal_code
            "billing_address": {"address_line": "a", "postal_code": "0155", "country": "NO"}     | billing_address.postal_place
            "billing_address": {"address_line": "a", "postal_code": "0155", "postal_place": "Oslo", "country": "NOR"} | billing_address.country
            "billing_address": {"address_line": "a", "postal_code": "1", "postal_place": "O", "country": "NO", "email": "x"} | billing_address.email
            "metadata": {"bad key": "v"}                                                    | metadata.bad key
            "metadata": {"note": ""}                                                        | metadata.note
            "metadata": {"note": 5}                                                         | metadata.note
            "metadata": ["note"]                                                            | metadata
            """)
    void given_one_bad_field_of_the_customer_an_address_or_the_metadata_then_400_names_its_path(String part,
                                                                                               String field) {
        int storedBefore = storedOrders();

        Api.Reply reply = api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r", %s}""".formatted(part));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(storedOrders()).isEqualTo(storedBefore);
    }

    @Test
    void given_items_that_do_not_add_up_to_the_amount_when_posted_then_both_are_named_with_both_sums() {
        Api.Reply reply = api.postJson("/orders", """
                {"amount": 30000, "currency": "NOK", "receipt": "r", "items": %s}""".formatted(ITEMS));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("amount", "items");
        assertThat(reply.list("errors")).allSatisfy(error ->
                assertThat((String) error.get("message")).contains("29900", "30000"));
    }

    @Test
    void given_many_bad_fields_at_once_when_posted_then_every_one_is_named() {
        Api.Reply reply = api.postJson("/orders", """
                {"currency": "NOK", "receipt": "r",
                 "items": [{"line_id": "1", "description": "d", "quantity": 0, "amount": 100, "vat": 25,
                            "vat_amount": 20},
                           {"line_id": "1", "description": "d", "quantity": 1, "amount": 100, "vat": 25,
                            "vat_amount": 20}],
                 "customer": {"email": "kari"}, "metadata": {"k": ""}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("items[0].quantity", "customer.email",
                "metadata.k");
    }

    @Test
    void given_personal_data_in_a_bad_request_when_refused_then_the_answer_does_not_repeat_it() {
        Api.Reply reply = api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r",
                 "customer": {"email": "kari.secret@example", "phone_number": "+47 999"}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("kari.secret", "+47 999");
    }

    private String createWith(String email, String metadata) {
        Api.Reply reply = api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r", "customer": {"email": "%s"}, "metadata": %s}"""
                .formatted(email, metadata));
        assertThat(reply.status()).isEqualTo(201);
        return (String) reply.json().get("id");
    }

    private List<Object> listedIds(String query) {
        return api.get("/orders?" + query.replace("[", "%5B").replace("]", "%5D").replace("@", "%40")).list("orders")
                .stream().map(order -> order.get("id")).toList();
    }

    private int storedOrders() {
        return orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), Integer.MAX_VALUE).size();
    }
}
