package dev.orderpay.bootstrap;

import io.micronaut.json.tree.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk issue 12 asks the totals to survive, through the real HTTP API: authorize, capture part, refund part,
 * capture the rest, refund all, once by lines and once by amounts, checking the order's status, its captured and
 * refunded totals and each line's amounts after every step. The provider plays its part through {@link Provider}.
 */
final class TotalsWalk {

    /** An order in NOK of 3 units of "a" for 100.00 (VAT 20.00) and 1 of "b" for 50.00 (VAT 10.00). */
    static final String ITEMS = """
            [{"line_id": "a", "description": "Socks", "quantity": 3, "amount": 10000, "vat": 25, "vat_amount": 2000},
             {"line_id": "b", "description": "Cap", "quantity": 1, "amount": 5000, "vat": 25, "vat_amount": 1000}]""";

    /**
     * What the provider does for the walk; WireMock's Dintero is told its answers, the simulator just works. Status
     * names are Dintero's.
     */
    interface Provider {

        /** The buyer pays the order's checkout and returns; the order is authorized. */
        void authorize(JsonNode createdOrder) throws Exception;

        /** The provider is to answer the next capture or refund with the payment standing so. */
        void willShow(String orderId, String operation, long amount, List<Long> captures, List<Long> refunds,
                      String providerStatus);

        /** The provider received exactly this body for the order's last capture or refund. */
        void received(String orderId, String operation, String body);
    }

    private final ServiceClient merchant;
    private final Provider provider;

    TotalsWalk(ServiceClient merchant, Provider provider) {
        this.merchant = merchant;
        this.provider = provider;
    }

    /**
     * By lines: capture 2 of "a" (66.66), refund 1 of "a" (33.33), capture the last of "a" (the remaining 33.34) and
     * "b", then refund all that is left (2 of "a" and "b").
     */
    void byLines() throws Exception {
        JsonNode created = merchant.json(merchant.postJson("/orders", """
                {"currency": "NOK", "receipt": "walk by lines", "items": %s}""".formatted(ITEMS)));
        String id = created.get("id").getStringValue();
        provider.authorize(created);
        List<Long> captures = new ArrayList<>();
        List<Long> refunds = new ArrayList<>();

        captures.add(6666L);
        provider.willShow(id, "capture", 15000, captures, refunds, "PARTIALLY_CAPTURED");
        JsonNode afterCapture = step(id, "capture", """
                {"items": [{"line_id": "a", "quantity": 2}]}""");
        assertTotals(afterCapture, "PARTIALLY_CAPTURED", 6666, 0);
        assertLine(afterCapture, 0, 2, 6666, 0, 0);
        assertLine(afterCapture, 1, 0, 0, 0, 0);
        provider.received(id, "capture", """
                {"amount": 6666, "items": [{"line_id": "a", "quantity": 2, "amount": 6666, "vat_amount": 1333}]}""");

        refunds.add(3333L);
        provider.willShow(id, "refund", 15000, captures, refunds, "PARTIALLY_CAPTURED_REFUNDED");
        JsonNode afterRefund = step(id, "refund", """
                {"items": [{"line_id": "a", "quantity": 1}]}""");
        assertTotals(afterRefund, "PARTIALLY_REFUNDED", 6666, 3333);
        assertLine(afterRefund, 0, 2, 6666, 1, 3333);
        provider.received(id, "refund", """
                {"amount": 3333, "items": [{"line_id": "a", "quantity": 1, "amount": 3333, "vat_amount": 666}]}""");

        captures.add(8334L);
        provider.willShow(id, "capture", 15000, captures, refunds, "PARTIALLY_REFUNDED");
        JsonNode afterRest = step(id, "capture", """
                {"items": [{"line_id": "a", "quantity": 1}, {"line_id": "b", "quantity": 1}]}""");
        assertTotals(afterRest, "PARTIALLY_REFUNDED", 15000, 3333);
        assertLine(afterRest, 0, 3, 10000, 1, 3333);
        assertLine(afterRest, 1, 1, 5000, 0, 0);
        provider.received(id, "capture", """
                {"amount": 8334, "items": [{"line_id": "a", "quantity": 1, "amount": 3334, "vat_amount": 667},
                 {"line_id": "b", "quantity": 1, "amount": 5000, "vat_amount": 1000}]}""");

        refunds.add(11667L);
        provider.willShow(id, "refund", 15000, captures, refunds, "REFUNDED");
        JsonNode afterAll = step(id, "refund", "{}");
        assertTotals(afterAll, "REFUNDED", 15000, 15000);
        assertLine(afterAll, 0, 3, 10000, 3, 10000);
        assertLine(afterAll, 1, 1, 5000, 1, 5000);
        provider.received(id, "refund", """
                {"amount": 11667, "items": [{"line_id": "a", "quantity": 2, "amount": 6667, "vat_amount": 1334},
                 {"line_id": "b", "quantity": 1, "amount": 5000, "vat_amount": 1000}]}""");
        assertThat(merchant.json(merchant.get("/orders/" + id))).isEqualTo(afterAll);
    }

    /** By amounts, on an order without lines: capture 60.00, refund 20.00, capture the rest, then refund all. */
    void byAmounts() throws Exception {
        JsonNode created = merchant.json(merchant.postJson("/orders", """
                {"amount": 15000, "currency": "NOK", "receipt": "walk by amounts"}"""));
        String id = created.get("id").getStringValue();
        provider.authorize(created);
        List<Long> captures = new ArrayList<>();
        List<Long> refunds = new ArrayList<>();

        captures.add(6000L);
        provider.willShow(id, "capture", 15000, captures, refunds, "PARTIALLY_CAPTURED");
        assertTotals(step(id, "capture", "{\"amount\": 6000}"), "PARTIALLY_CAPTURED", 6000, 0);
        provider.received(id, "capture", "{\"amount\": 6000}");

        refunds.add(2000L);
        provider.willShow(id, "refund", 15000, captures, refunds, "PARTIALLY_CAPTURED_REFUNDED");
        assertTotals(step(id, "refund", "{\"amount\": 2000}"), "PARTIALLY_REFUNDED", 6000, 2000);
        provider.received(id, "refund", "{\"amount\": 2000}");

        captures.add(9000L);
        provider.willShow(id, "capture", 15000, captures, refunds, "PARTIALLY_REFUNDED");
        assertTotals(step(id, "capture", "{}"), "PARTIALLY_REFUNDED", 15000, 2000);
        provider.received(id, "capture", "{\"amount\": 9000}");

        refunds.add(13000L);
        provider.willShow(id, "refund", 15000, captures, refunds, "REFUNDED");
        JsonNode afterAll = step(id, "refund", "{}");
        assertTotals(afterAll, "REFUNDED", 15000, 15000);
        assertThat(afterAll.get("items").size()).isZero();
        provider.received(id, "refund", "{\"amount\": 13000}");
    }

    private JsonNode step(String id, String operation, String body) throws Exception {
        HttpResponse<String> answer = merchant.postJson("/orders/" + id + "/" + operation, body);
        assertThat(answer.statusCode()).as(operation + " " + body + ": " + answer.body()).isEqualTo(200);
        return merchant.json(answer);
    }

    private static void assertTotals(JsonNode order, String status, long captured, long refunded) {
        assertThat(order.get("status").getStringValue()).isEqualTo(status);
        assertThat(order.get("captured_amount").getLongValue()).isEqualTo(captured);
        assertThat(order.get("refunded_amount").getLongValue()).isEqualTo(refunded);
    }

    private static void assertLine(JsonNode order, int index, long capturedQuantity, long capturedAmount,
                                   long refundedQuantity, long refundedAmount) {
        JsonNode line = order.get("items").get(index);
        assertThat(line.get("captured_quantity").getLongValue()).isEqualTo(capturedQuantity);
        assertThat(line.get("captured_amount").getLongValue()).isEqualTo(capturedAmount);
        assertThat(line.get("refunded_quantity").getLongValue()).isEqualTo(refundedQuantity);
        assertThat(line.get("refunded_amount").getLongValue()).isEqualTo(refundedAmount);
    }
}
