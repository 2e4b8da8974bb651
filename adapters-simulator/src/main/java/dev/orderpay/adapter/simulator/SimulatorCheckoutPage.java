package dev.orderpay.adapter.simulator;

import dev.orderpay.adapter.simulator.SimulatedProvider.Checkout;
import dev.orderpay.adapter.simulator.SimulatedProvider.Stage;

import java.time.format.DateTimeFormatter;

/**
 * The simulated hosted checkout as HTML. Every interpolated value is escaped; the forms post to paths relative
 * to the page, so the page works under whatever address the service is reached at.
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
            %3$s""";

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
        String amount = checkout.amount().toMajorUnits().toPlainString() + " " + checkout.amount().currencyCode();
        return PAGE.formatted(TITLE,
                CHECKOUT.formatted(escape(amount), escape(checkout.orderId().toString()), outcome));
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
