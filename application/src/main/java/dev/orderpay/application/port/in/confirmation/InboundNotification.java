package dev.orderpay.application.port.in.confirmation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A server-to-server notification exactly as it reached this service, before anyone trusts it. Only the payment
 * adapter knows how to authenticate and read it.
 *
 * @param rawQuery the query string as received (without the {@code ?}), or empty
 * @param headers  request headers; names are kept in lower case
 */
public record InboundNotification(String method, String host, String path, String rawQuery,
                                  Map<String, List<String>> query, Map<String, List<String>> headers) {

    public InboundNotification {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        query = Map.copyOf(Objects.requireNonNull(query, "query"));
        headers = Objects.requireNonNull(headers, "headers").entrySet().stream().collect(Collectors.toUnmodifiableMap(
                header -> header.getKey().toLowerCase(Locale.ROOT), header -> List.copyOf(header.getValue()),
                (first, second) -> first));
    }

    public Optional<String> header(String name) {
        return first(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return first(query.get(name));
    }

    private static Optional<String> first(List<String> values) {
        return values == null ? Optional.empty() : values.stream().findFirst();
    }
}
