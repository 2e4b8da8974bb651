package dev.orderpay.adapter.dintero;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.retry.annotation.RetryPredicate;

/**
 * The failures worth another try: no answer (connection refused or reset, read timeout) and server errors. An
 * answer below 500 will be the same next time: a refusal, a 404, an unreadable body.
 */
@Introspected
final class DinteroRetryPredicate implements RetryPredicate {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof HttpClientResponseException answered) {
            return answered.code() >= 500;
        }
        return failure instanceof HttpClientException;
    }
}
