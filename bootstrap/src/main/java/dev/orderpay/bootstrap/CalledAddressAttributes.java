package dev.orderpay.bootstrap;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;

import java.net.URI;
import java.util.List;

/**
 * What the span of a call made with Micronaut's HTTP client may learn of it, for OpenTelemetry's HTTP client
 * conventions: method, host, port, status, protocol, and an address ({@code url.full}) cut down. A call to a
 * configured service (a declarative client with an id, as the payment provider's are) keeps its URL without the
 * query; any other call, which is a webhook to a merchant's endpoint, keeps only scheme, host and port: a merchant's
 * URL may carry its token in the path or the query, which is why the log names endpoints by id too. No header is
 * read, so no credentials either.
 */
final class CalledAddressAttributes
        implements HttpClientAttributesGetter<MutableHttpRequest<Object>, HttpResponse<Object>> {

    @Override
    public String getUrlFull(MutableHttpRequest<Object> request) {
        boolean configuredService = BasicHttpAttributes.getServiceId(request)
                .filter(id -> !id.contains("/"))
                .isPresent();
        return recorded(request.getUri(), configuredService);
    }

    static String recorded(URI uri, boolean withPath) {
        String origin = uri.getScheme() == null || uri.getHost() == null
                ? ""
                : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return withPath || origin.isEmpty() ? origin + path : origin;
    }

    @Override
    public String getServerAddress(MutableHttpRequest<Object> request) {
        return request.getUri().getHost();
    }

    @Override
    public Integer getServerPort(MutableHttpRequest<Object> request) {
        URI uri = request.getUri();
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String getHttpRequestMethod(MutableHttpRequest<Object> request) {
        return request.getMethodName();
    }

    @Override
    public List<String> getHttpRequestHeader(MutableHttpRequest<Object> request, String name) {
        return List.of();
    }

    @Override
    public Integer getHttpResponseStatusCode(MutableHttpRequest<Object> request, HttpResponse<Object> response,
                                             Throwable error) {
        return response.code();
    }

    @Override
    public List<String> getHttpResponseHeader(MutableHttpRequest<Object> request, HttpResponse<Object> response,
                                              String name) {
        return List.of();
    }

    @Override
    public String getNetworkProtocolVersion(MutableHttpRequest<Object> request, HttpResponse<Object> response) {
        return protocolVersion(request);
    }

    /** As the conventions write it: 1.1, 2 (HTTP/2), 1.0. */
    static String protocolVersion(HttpRequest<?> request) {
        switch (request.getHttpVersion()) {
            case HTTP_1_0:
                return "1.0";
            case HTTP_2_0:
                return "2";
            default:
                return "1.1";
        }
    }
}
