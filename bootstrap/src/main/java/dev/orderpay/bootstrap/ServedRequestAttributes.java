package dev.orderpay.bootstrap;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;

import java.util.List;

/**
 * What the span of a request served may learn of it, for OpenTelemetry's HTTP server conventions: method, route
 * template, path, scheme, status and protocol, and the {@code Host} it was addressed to (this service's own name).
 * Nothing else: no query (a list's filters carry the merchant's receipts), and no other header, so who asked (a
 * buyer's browser returning from the checkout is a person, named by its user agent and, behind a proxy, by
 * {@code X-Forwarded-For}) and any credentials stay out.
 */
final class ServedRequestAttributes implements HttpServerAttributesGetter<HttpRequest<Object>, HttpResponse<Object>> {

    @Override
    public String getUrlScheme(HttpRequest<Object> request) {
        return request.isSecure() ? "https" : "http";
    }

    @Override
    public String getUrlPath(HttpRequest<Object> request) {
        return request.getPath();
    }

    @Override
    public String getUrlQuery(HttpRequest<Object> request) {
        return null;
    }

    @Override
    public String getHttpRoute(HttpRequest<Object> request) {
        return BasicHttpAttributes.getUriTemplate(request).orElse(null);
    }

    @Override
    public String getHttpRequestMethod(HttpRequest<Object> request) {
        return request.getMethodName();
    }

    @Override
    public List<String> getHttpRequestHeader(HttpRequest<Object> request, String name) {
        return HttpHeaders.HOST.equalsIgnoreCase(name) ? request.getHeaders().getAll(name) : List.of();
    }

    @Override
    public Integer getHttpResponseStatusCode(HttpRequest<Object> request, HttpResponse<Object> response,
                                             Throwable error) {
        return response.code();
    }

    @Override
    public List<String> getHttpResponseHeader(HttpRequest<Object> request, HttpResponse<Object> response,
                                              String name) {
        return List.of();
    }

    @Override
    public String getNetworkProtocolVersion(HttpRequest<Object> request, HttpResponse<Object> response) {
        return CalledAddressAttributes.protocolVersion(request);
    }
}
