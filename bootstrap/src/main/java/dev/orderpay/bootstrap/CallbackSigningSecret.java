package dev.orderpay.bootstrap;

import dev.orderpay.domain.webhook.SigningSecret;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Optional;

/**
 * The service-wide secret webhooks to orders' callback URLs are signed with ({@code ORDERPAY_CALLBACK_SIGNING_SECRET},
 * {@code orderpay.callback-signing-secret}). Without it, orders with a callback URL are refused. Read from the
 * configuration only, never stored or logged. Created at startup, so a secret too short to resist guessing stops the
 * service before it takes requests.
 */
@Context
final class CallbackSigningSecret {

    static final int MIN_LENGTH = 32;

    private final Optional<SigningSecret> secret;

    CallbackSigningSecret(@Value("${orderpay.callback-signing-secret:}") String configured) {
        if (configured.isEmpty()) {
            secret = Optional.empty();
            return;
        }
        // The message names the variable and the rule, never the value.
        if (configured.length() < MIN_LENGTH || configured.isBlank()) {
            throw new ConfigurationException("ORDERPAY_CALLBACK_SIGNING_SECRET (orderpay.callback-signing-secret)"
                    + " must be at least " + MIN_LENGTH + " characters and not blank; leave it unset to refuse"
                    + " orders with a callback_url");
        }
        secret = Optional.of(new SigningSecret(configured));
    }

    /** Empty when none is configured. */
    Optional<SigningSecret> secret() {
        return secret;
    }
}
