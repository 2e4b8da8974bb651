package dev.orderpay.adapter.rest.input;

import dev.orderpay.adapter.rest.input.StrictJson.MalformedJsonException;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.Problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses input the merchant API does not define before any of it is read into a request: a body that is not
 * UTF-8 JSON ({@code 415}), JSON that is not exactly one object ({@code 400 malformed_request}), and unknown query
 * parameters, unknown fields or values of the wrong JSON type ({@code 400 validation_failed}, naming each). Runs
 * after authentication, so a caller without a key learns nothing about the request's shape.
 */
@StrictInput
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StrictInputFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> refuseUndefinedInput(HttpRequest<?> request, @Body byte[] body) {
        Optional<MethodBasedRouteMatch<?, ?>> route = RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(match -> (MethodBasedRouteMatch<?, ?>) match);
        if (route.isEmpty()) {
            return null;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> known = queryParameters(route.get());
        Optional<String> keyedPrefix = route.get().stringValue(KeyedQueryParameters.class).map(prefix -> prefix + "[");
        request.getParameters().names().stream()
                .filter(name -> !known.contains(name))
                .filter(name -> keyedPrefix.map(prefix -> !(name.startsWith(prefix) && name.endsWith("]")))
                        .orElse(true))
                .forEach(name -> errors.put(name, "is not a parameter of this request"));
        if (body.length > 0) {
            if (!isUtf8Json(request.getContentType())) {
                return Problem.unsupportedMediaType().toResponse();
            }
            try {
                errors.putAll(StrictJson.misfits(body, route.get().getRouteInfo().getBodyArgument()
                        .orElse(Argument.VOID)));
            } catch (MalformedJsonException malformed) {
                return Problem.malformedRequest().toResponse();
            }
        }
        return errors.isEmpty() ? null : Problem.invalidFields(errors.entrySet().stream()
                .map(error -> new FieldError(error.getKey(), error.getValue()))
                .toList()).toResponse();
    }

    private static Set<String> queryParameters(MethodBasedRouteMatch<?, ?> route) {
        return Arrays.stream(route.getArguments())
                .filter(argument -> argument.getAnnotationMetadata().hasAnnotation(QueryValue.class))
                .map(argument -> argument.getAnnotationMetadata().stringValue(QueryValue.class)
                        .filter(name -> !name.isEmpty())
                        .orElse(argument.getName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** JSON's only encoding on the wire is UTF-8 (RFC 8259); any other charset is a client that means other bytes. */
    private static boolean isUtf8Json(Optional<MediaType> contentType) {
        return contentType
                .filter(type -> type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON))
                .filter(type -> type.getParameters().get("charset")
                        .map(charset -> charset.equalsIgnoreCase(StandardCharsets.UTF_8.name()))
                        .orElse(true))
                .isPresent();
    }
}
