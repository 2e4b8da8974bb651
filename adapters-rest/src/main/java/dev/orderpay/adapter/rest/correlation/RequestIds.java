package dev.orderpay.adapter.rest.correlation;

import dev.orderpay.adapter.rest.ApiDocumentation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.UUID;

/** A request's id: what makes a caller's id acceptable, and where the id is kept and sent. */
public final class RequestIds {

    /** The header a caller may send its own id in. */
    static final String OFFERED_HEADER = "X-Request-Id";
    /** The header every response carries the id in. */
    public static final String HEADER = ApiDocumentation.REQUEST_ID_HEADER;
    /** The key of the id in the log context (MDC). */
    static final String LOG_KEY = "request_id";

    private static final String ATTRIBUTE = "orderpay.request-id";
    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /**
     * The request's id, chosen on first asking: usually by {@link RequestIdFilter}, but by the error processor for
     * a request Netty could not decode, which never reaches the filters.
     */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = adoptOrCreate(request.getHeaders().get(OFFERED_HEADER));
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    /**
     * The caller's id when it is 1 to {@value #MAX_LENGTH} printable ASCII characters without spaces, else a new
     * one: a value that is echoed into responses and every log line must not be able to break either (no CR, LF or
     * other control characters, no unbounded length).
     */
    private static String adoptOrCreate(@Nullable String offered) {
        return isSane(offered) ? offered : UUID.randomUUID().toString();
    }

    private static boolean isSane(@Nullable String offered) {
        return offered != null && !offered.isEmpty() && offered.length() <= MAX_LENGTH
                && offered.chars().allMatch(character -> character >= 0x21 && character <= 0x7E);
    }
}
