package dev.orderpay.adapter.dintero;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code callback_url} given to Dintero: this service's notification route, with the query parameters that
 * make Dintero report more than authorizations. Dintero calls only HTTPS URLs, and never this machine's own
 * loopback address, so for any other URL there is no callback and reconciliation settles the orders instead.
 */
final class DinteroCallbackUrl {

    /**
     * Report checkouts that ended with an error, and captures, refunds and voids made later. The event values are
     * in sorted order, so a signature over the sorted query comes out the same however equal names are ordered.
     */
    static final String REPORTING = "report_error=true&report_event=CAPTURE&report_event=REFUND&report_event=VOID";

    private DinteroCallbackUrl() {
    }

    /** Empty if Dintero would not call the URL. */
    static Optional<String> of(URI notificationUrl) {
        if (!callable(notificationUrl)) {
            return Optional.empty();
        }
        String query = notificationUrl.getRawQuery();
        String ownQuery = query == null || query.isEmpty() ? "" : query + "&";
        // Built from the raw parts so the URL's own query reaches Dintero exactly as it was; a fragment never
        // reaches a server, so it is dropped.
        return Optional.of(notificationUrl.getScheme() + "://" + notificationUrl.getRawAuthority()
                + notificationUrl.getRawPath() + "?" + ownQuery + REPORTING);
    }

    static boolean callable(URI url) {
        String host = url.getHost();
        return "https".equalsIgnoreCase(url.getScheme()) && host != null && !isLoopback(host.toLowerCase(Locale.ROOT));
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]");
    }
}
