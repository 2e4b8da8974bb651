package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays the service's notification route on the test's own server: it keeps each notification exactly as it
 * arrived, the way the REST adapter hands it to the gateway.
 */
@Controller(NotificationRecorder.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
class NotificationRecorder {

    static final String PATH = "/test-notifications";

    private final Map<String, BlockingQueue<InboundNotification>> received = new ConcurrentHashMap<>();

    @Get("/{orderId}")
    HttpResponse<?> notified(@PathVariable String orderId, HttpRequest<?> request) {
        String host = Objects.requireNonNullElse(request.getHeaders().get(HttpHeaders.HOST), "");
        queue(orderId).add(new InboundNotification(request.getMethodName(), host, request.getPath(),
                Objects.requireNonNullElse(request.getUri().getRawQuery(), ""), request.getParameters().asMap(),
                request.getHeaders().asMap()));
        return HttpResponse.ok();
    }

    /** The next notification about the order, waiting a little for it; null if none came. */
    InboundNotification next(String orderId, Duration wait) throws InterruptedException {
        return queue(orderId).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private BlockingQueue<InboundNotification> queue(String orderId) {
        return received.computeIfAbsent(orderId, id -> new LinkedBlockingQueue<>());
    }
}
