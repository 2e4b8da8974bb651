package dev.orderpay.adapter.webhooks;

import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import io.micronaut.core.io.buffer.ByteArrayBufferFactory;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook: a {@code POST} of the event's JSON, signed (docs/webhooks.md), through Micronaut's HTTP client.
 * <p>
 * The raw client is used because it neither turns a {@code 4xx}/{@code 5xx} into an exception nor buffers the
 * answer: its body is read only as far as {@link ResponseExcerpt} needs. Redirects are never followed and every host
 * is resolved through the address rules ({@link WebhookClientConfiguration}). Before a call the URL's shape is
 * checked again (a URL stored outside production may be {@code http}), and at most
 * {@code orderpay.webhook.max-connections} calls run at once; a caller beyond that waits for a turn, and its
 * timeout starts when the call does.
 */
@Singleton
class HttpWebhookSender implements WebhookSender {

    static final String USER_AGENT = "orderpay-webhooks/1.0";
    static final String EVENT_ID = "Orderpay-Event-Id";
    static final String EVENT_TYPE = "Orderpay-Event-Type";
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final ByteBodyFactory BODIES = ByteBodyFactory.createDefault(ByteArrayBufferFactory.INSTANCE);

    private final RawHttpClient client;
    private final DestinationPolicy policy;
    private final Duration timeout;
    private final Semaphore callsInFlight;
    private final Clock clock = Clock.systemUTC();

    HttpWebhookSender(@Client(configuration = WebhookClientConfiguration.class) RawHttpClient client,
                      DestinationPolicy policy, WebhookConfiguration configuration) {
        this.client = client;
        this.policy = policy;
        this.timeout = configuration.timeout();
        this.callsInFlight = new Semaphore(configuration.maxConnections(), true);
    }

    @Override
    public WebhookResponse send(WebhookRequest request) {
        Optional<String> refusal = UrlShape.refusal(request.url(), policy.privateNetworksAllowed());
        if (refusal.isPresent()) {
            return new WebhookResponse.NotAnswered("not sent: the URL " + refusal.get(), Duration.ZERO);
        }
        try {
            callsInFlight.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new WebhookResponse.NotAnswered("not sent: interrupted while waiting for a turn", Duration.ZERO);
        }
        try {
            return call(request);
        } finally {
            callsInFlight.release();
        }
    }

    private WebhookResponse call(WebhookRequest request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        MutableHttpRequest<?> post = HttpRequest.create(HttpMethod.POST, request.url().toString())
                .header(HttpHeaders.CONTENT_TYPE, JSON_UTF8)
                .header(HttpHeaders.USER_AGENT, USER_AGENT)
                .header(EVENT_ID, request.eventId())
                .header(EVENT_TYPE, request.eventType().wireName())
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(clock.instant().getEpochSecond(), body, request.secrets()));
        long started = System.nanoTime();
        CompletableFuture<? extends HttpResponse<?>> answer =
                Mono.from(client.exchange(post, BODIES.adapt(body), Thread.currentThread())).toFuture();
        HttpResponse<?> response;
        try {
            response = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException gaveUp) {
            // Not cancelled: the client's own read timeout ends the call, and a late answer is closed unread.
            answer.thenAccept(HttpWebhookSender::close);
            if (gaveUp instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new WebhookResponse.NotAnswered("interrupted while waiting for the answer", since(started));
            }
            return new WebhookResponse.NotAnswered("no answer within " + CallFailures.inWords(timeout),
                    since(started));
        } catch (ExecutionException failed) {
            return new WebhookResponse.NotAnswered(CallFailures.describe(failed.getCause(), timeout), since(started));
        }
        Duration latency = since(started);
        Optional<Duration> retryAfter = RetryAfter.parse(response.getHeaders().get(HttpHeaders.RETRY_AFTER),
                clock.instant());
        String excerpt = ResponseExcerpt.read(response, timeout.minus(latency));
        return new WebhookResponse.Answered(response.code(), latency, retryAfter, excerpt);
    }

    private static void close(HttpResponse<?> lateAnswer) {
        if (lateAnswer instanceof ByteBodyHttpResponse<?> raw) {
            raw.close();
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
