package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Dintero's access token, fetched once and shared. Dintero asks integrators to reuse a token rather than fetch one
 * per call; like Dintero's own SDK, a token is renewed once half of its lifetime has passed, well before it expires.
 * Each token fetched is counted ({@code orderpay_provider_token_renewals}) when the application keeps meters.
 */
@Singleton
@Requires(property = "payments.provider", value = "dintero", defaultValue = "dintero")
final class DinteroAccessTokens {

    private static final String TOKEN_ACTION = "requesting a Dintero access token";

    private final DinteroAuthClient client;
    private final DinteroConfiguration configuration;
    private final Duration longestRetryAfter;
    private final Clock clock;
    /** Held only while a token is fetched, so concurrent callers wait for that one fetch instead of starting their own. */
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile CachedToken current;
    private final Runnable countRenewal;

    @Inject
    DinteroAccessTokens(DinteroAuthClient client, DinteroConfiguration configuration,
                        @Value("${dintero.retry.max-retry-after:5s}") Duration longestRetryAfter,
                        Optional<MeterRegistry> meters) {
        this(client, configuration, longestRetryAfter, Clock.systemUTC(), meters
                .map(registry -> Counter.builder("orderpay.provider.token.renewals")
                        .description("Access tokens fetched from the payment provider")
                        .tag("provider", "dintero")
                        .register(registry))
                .<Runnable>map(counter -> counter::increment)
                .orElse(() -> { }));
    }

    /**
     * @param longestRetryAfter the longest wait the token endpoint may ask for when it answers 429; a longer one
     *                          fails the call at once rather than hold up the buyer
     * @param countRenewal      called after each token fetched
     */
    DinteroAccessTokens(DinteroAuthClient client, DinteroConfiguration configuration, Duration longestRetryAfter,
                        Clock clock, Runnable countRenewal) {
        this.client = client;
        this.configuration = configuration;
        this.longestRetryAfter = longestRetryAfter;
        this.clock = clock;
        this.countRenewal = countRenewal;
    }

    /**
     * Makes a call with a valid token as its {@code Authorization} header value. When Dintero refuses the token
     * anyway (revoked, or the clocks disagree), the token is dropped and the call is made once more with a new one.
     */
    <T> T withToken(Function<String, T> call) {
        String token = token();
        try {
            return call.apply("Bearer " + token);
        } catch (HttpClientResponseException refused) {
            if (refused.getStatus() != HttpStatus.UNAUTHORIZED) {
                throw refused;
            }
            discard(token);
            return call.apply("Bearer " + token());
        }
    }

    private String token() {
        CachedToken token = current;
        if (token != null && token.freshAt(clock.instant())) {
            return token.value();
        }
        renewal.lock();
        try {
            token = current;
            if (token == null || !token.freshAt(clock.instant())) {
                token = fetch();
                current = token;
            }
            return token.value();
        } finally {
            renewal.unlock();
        }
    }

    /** Drops the token unless another caller has already replaced it. */
    private void discard(String rejected) {
        renewal.lock();
        try {
            if (current != null && current.value().equals(rejected)) {
                current = null;
            }
        } finally {
            renewal.unlock();
        }
    }

    private CachedToken fetch() {
        if (!configuration.hasCredentials()) {
            throw new PaymentProviderException(Kind.REJECTED, "Dintero credentials are not configured: "
                    + "set dintero.account-id, dintero.client-id and dintero.client-secret");
        }
        Instant requestedAt = clock.instant();
        DinteroAccessToken answer = DinteroResponses.bodyOf(TOKEN_ACTION, this::requestTokenWaitingIfAsked);
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, "Dintero's token answer held no access token");
        }
        // Counted from the request, not the answer: the token's lifetime started while we were waiting.
        Instant renewAt = requestedAt.plus(Duration.ofSeconds(answer.expiresIn()).dividedBy(2));
        countRenewal.run();
        return new CachedToken(answer.accessToken(), renewAt);
    }

    /**
     * Only the token endpoint tells how long to back off when it is asked too often (429 with {@code Retry-After}
     * in seconds): that wait is honoured once, if it is not too long. Server errors and timeouts are retried by
     * the client itself ({@link RetryWhileUnavailable}).
     */
    private HttpResponse<DinteroAccessToken> requestTokenWaitingIfAsked() {
        try {
            return requestToken();
        } catch (HttpClientResponseException refused) {
            if (refused.code() != HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                throw refused;
            }
            Duration wait = retryAfter(refused.getResponse())
                    .filter(seconds -> seconds.compareTo(longestRetryAfter) <= 0)
                    .orElseThrow(() -> new PaymentProviderException(Kind.UNAVAILABLE, TOKEN_ACTION
                            + ": Dintero answered HTTP 429 without a Retry-After of at most " + longestRetryAfter,
                            refused));
            sleep(wait);
            return requestToken();
        }
    }

    private HttpResponse<DinteroAccessToken> requestToken() {
        return client.requestToken(configuration.accountId(), basicCredentials(),
                DinteroTokenRequest.clientCredentials(configuration.audience()));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.getHeaders().findFirst(HttpHeaders.RETRY_AFTER)
                .map(String::strip)
                .filter(seconds -> seconds.matches("\\d{1,6}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderException(Kind.UNAVAILABLE, TOKEN_ACTION + ": interrupted while waiting", interrupted);
        }
    }

    private String basicCredentials() {
        String pair = configuration.clientId() + ":" + configuration.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private record CachedToken(String value, Instant renewAt) {

        boolean freshAt(Instant now) {
            return now.isBefore(renewAt);
        }

        @Override
        public String toString() {
            return "CachedToken[renewAt=" + renewAt + "]";
        }
    }
}
