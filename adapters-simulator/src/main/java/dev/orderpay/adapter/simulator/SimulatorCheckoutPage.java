package dev.orderpay.adapter.simulator;

import dev.orderpay.adapter.simulator.SimulatedProvider.Checkout;
import dev.orderpay.adapter.simulator.SimulatedProvider.Stage;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.contents.LineItem;

import java.time.format.DateTimeFormatter;

/**
 * The simulated hosted checkout as HTML: the amount, the order's reference and, when the order has lines, a table
 * of them with their total. Every interpolated value is escaped; the forms post to paths relative to the page, so
 * the page works under whatever address the service is reached at.
 */
final class SimulatorCheckoutPage {

    static final String TITLE = "Simulated checkout";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
            dt { font-weight: bold; } dd { margin: 0 0 1rem; }
            table { border-collapse: collapse; width: 100%%; margin-bottom: 1rem; }
            th, td { text-align: left; padding: .25rem .5rem .25rem 0; } .number { text-align: right; }
            form { display: inline; } button { font-size: 1rem; padding: .5rem 1rem; margin-right: .5rem; }
            </style>
            </head>
            <body>
            <h1>%1$s</h1>
            %2$s
            </body>
            </html>
            """;

    private static final String CHECKOUT = """
            <p>This provider is simulated by the service itself: no money moves.</p>
            <dl>
            <dt>Amount</dt><dd id="amount">%1$s</dd>
            <dt>Order reference</dt><dd id="reference">%2$s</dd>
            </dl>
            %3$s%4$s""";

    private static final String LINES = """
            <table id="lines">
            <thead><tr><th>Item</th><th class="number">Quantity</th><th class="number">Amount</th></tr></thead>
            <tbody>
            %1$s</tbody>
            <tfoot><tr><th colspan="2">Total</th><td class="number" id="total">%2$s</td></tr></tfoot>
            </table>
            """;

    private static final String LINE = """
            <tr class="line"><td>%1$s</td><td class="number">%2$s</td><td class="number">%3$s</td></tr>
            """;

    private static final String CHOICES = """
            <form method="post" action="%1$s/pay"><button type="submit" id="pay">Pay</button></form>
            <form method="post" action="%1$s/decline"><button type="submit" id="decline">Decline</button></form>
            <form method="post" action="%1$s/cancel"><button type="submit" id="cancel">Cancel</button></form>""";

    private SimulatorCheckoutPage() {
    }

    /** The checkout with its three choices while it is open, or how it ended. */
    static String render(Checkout checkout, Stage stage) {
        String outcome = switch (stage) {
            case OPEN -> CHOICES.formatted(escape(checkout.sessionId().value()));
            case PAID -> paragraph("This checkout has been paid.");
            case DECLINED -> paragraph("The payment in this checkout was declined.");
            case CANCELLED -> paragraph("This checkout was cancelled.");
            case EXPIRED -> paragraph("This checkout expired at "
                    + DateTimeFormatter.ISO_INSTANT.format(checkout.expiresAt()) + ".");
        };
        return PAGE.formatted(TITLE, CHECKOUT.formatted(escape(shown(checkout.amount())),
                escape(checkout.orderId().toString()), lines(checkout), outcome));
    }

    /** The order's lines and their total (the checkout's amount, which they add up to); nothing without lines. */
    private static String lines(Checkout checkout) {
        if (checkout.lines().isEmpty()) {
            return "";
        }
        StringBuilder rows = new StringBuilder();
        for (LineItem line : checkout.lines().items()) {
            rows.append(LINE.formatted(escape(line.description()), escape(line.quantity().toPlainString()),
                    escape(shown(line.amount()))));
        }
        return LINES.formatted(rows, escape(shown(checkout.amount())));
    }

    /** In major units with the currency's own number of decimals: 1234.50 NOK, 500 JPY. */
    private static String shown(Money money) {
        return money.toMajorUnits().toPlainString() + " " + money.currencyCode();
    }

    static String notFound(String sessionId) {
        return PAGE.formatted(TITLE, paragraph("There is no checkout " + sessionId + "."));
    }

    private static String paragraph(String text) {
        return "<p id=\"outcome\">" + escape(text) + "</p>";
    }

    /** Makes text safe inside HTML elements and quoted attributes. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
