package dev.orderpay.adapter.rest.buyer;

import dev.orderpay.domain.Order;

/**
 * The page a buyer's browser shows after the checkout: what {@link BuyerOrderView} shows, never the merchant's
 * receipt, as anyone holding the order's id can open it. Every value is escaped all the same.
 */
final class PaymentReturnPage {

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>%1$s</title></head>
            <body>
            <h1>%1$s</h1>
            <p>%2$s</p>
            <dl>
            <dt>Order</dt><dd>%3$s</dd>
            <dt>Amount</dt><dd>%4$s</dd>
            <dt>Status</dt><dd>%5$s</dd>
            </dl>
            </body>
            </html>
            """;

    private PaymentReturnPage() {
    }

    static String render(ReturnOutcome outcome, Order order) {
        String amount = order.amount().toMajorUnits().toPlainString() + " " + order.amount().currencyCode();
        return TEMPLATE.formatted(Html.escape(outcome.title()), Html.escape(outcome.message()),
                Html.escape(order.id().toString()), Html.escape(amount), Html.escape(order.status().name()));
    }
}
