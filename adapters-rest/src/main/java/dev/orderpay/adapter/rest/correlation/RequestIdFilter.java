package dev.orderpay.adapter.rest.correlation;

import dev.orderpay.adapter.rest.problem.Problem;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new one otherwise
 * ({@link RequestIds}). The id is answered as {@code Request-Id} on every response (problem bodies also carry it as
 * {@code request_id}) and is in the log context (MDC {@code request_id}) of every line written while the request is
 * handled, on whichever thread Micronaut's context propagation carries it to. Runs before every other filter, so
 * that the answers of security and of routes that do not exist carry it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void identify(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(RequestIds.LOG_KEY, RequestIds.of(request))));
    }

    @ResponseFilter
    void answerWithId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = RequestIds.of(request);
        response.header(RequestIds.HEADER, id);
        response.getBody()
                .filter(Problem.class::isInstance)
                .map(problem -> ((Problem) problem).withRequestId(id))
                .ifPresent(response::body);
    }
}
