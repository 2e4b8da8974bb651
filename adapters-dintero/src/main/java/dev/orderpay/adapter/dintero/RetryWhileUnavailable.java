package dev.orderpay.adapter.dintero;

import io.micronaut.retry.annotation.Retryable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retries a Dintero call that is safe to repeat (a read, or asking for a token) when Dintero could not be reached,
 * did not answer in time or failed with a server error: a few tries, each wait longer than the last and spread
 * by jitter so that many callers do not come back at the same moment. Never put this on a call that creates
 * something: after a timeout it may have been made, and a retry would make it twice.
 *
 * <p>Settings: {@code dintero.retry.attempts} (retries after the first call, default 2),
 * {@code dintero.retry.delay} (wait before the first retry, default 100ms), {@code dintero.retry.multiplier}
 * (growth of each later wait, default 2) and {@code dintero.retry.jitter} (share by which a wait may randomly
 * be shorter or longer, default 0.25).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Retryable(attempts = "${dintero.retry.attempts:2}", delay = "${dintero.retry.delay:100ms}",
        multiplier = "${dintero.retry.multiplier:2}", jitter = "${dintero.retry.jitter:0.25}",
        predicate = DinteroRetryPredicate.class)
@interface RetryWhileUnavailable {
}
