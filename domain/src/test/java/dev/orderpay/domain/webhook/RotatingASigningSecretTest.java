package dev.orderpay.domain.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.orderpay.domain.webhook.TestWebhookEndpoints.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotatingASigningSecretTest {

    private static final SigningSecret FIRST = new SigningSecret("whsec_first");
    private static final SigningSecret SECOND = new SigningSecret("whsec_second");
    private static final SigningSecret THIRD = new SigningSecret("whsec_third");
    private static final Instant ROTATED_AT = Instant.parse("2026-03-10T08:00:00Z");
    private static final Duration OVERLAP = Duration.ofHours(24);

    @Test
    void given_a_rotation_then_the_new_secret_signs_first_and_the_old_one_beside_it_during_the_overlap() {
        WebhookEndpoint endpoint = anEndpoint().signingWith(FIRST).build();

        endpoint.rotateSecret(SECOND, ROTATED_AT, OVERLAP);

        assertThat(endpoint.secret()).isEqualTo(SECOND);
        assertThat(endpoint.previousSecret()).contains(new PreviousSecret(FIRST, ROTATED_AT.plus(OVERLAP)));
        assertThat(endpoint.secretsInForce(ROTATED_AT)).containsExactly(SECOND, FIRST);
        assertThat(endpoint.secretsInForce(ROTATED_AT.plus(OVERLAP).minusNanos(1000))).containsExactly(SECOND, FIRST);
    }

    @Test
    void given_a_rotation_when_the_overlap_has_passed_then_only_the_new_secret_signs() {
        WebhookEndpoint endpoint = anEndpoint().signingWith(FIRST).build();

        endpoint.rotateSecret(SECOND, ROTATED_AT, OVERLAP);

        assertThat(endpoint.secretsInForce(ROTATED_AT.plus(OVERLAP))).containsExactly(SECOND);
    }

    @Test
    void given_a_second_rotation_within_the_overlap_then_the_oldest_secret_stops_signing_at_once() {
        WebhookEndpoint endpoint = anEndpoint().signingWith(FIRST).build();
        endpoint.rotateSecret(SECOND, ROTATED_AT, OVERLAP);

        endpoint.rotateSecret(THIRD, ROTATED_AT.plusSeconds(60), OVERLAP);

        assertThat(endpoint.secretsInForce(ROTATED_AT.plusSeconds(61))).containsExactly(THIRD, SECOND);
    }

    @Test
    void given_no_overlap_then_the_old_secret_stops_signing_at_once() {
        WebhookEndpoint endpoint = anEndpoint().signingWith(FIRST).build();

        endpoint.rotateSecret(SECOND, ROTATED_AT, Duration.ZERO);

        assertThat(endpoint.previousSecret()).isEmpty();
        assertThat(endpoint.secretsInForce(ROTATED_AT)).containsExactly(SECOND);
    }

    @Test
    void given_a_negative_overlap_then_the_rotation_is_refused_and_the_secret_stays() {
        WebhookEndpoint endpoint = anEndpoint().signingWith(FIRST).build();

        assertThatThrownBy(() -> endpoint.rotateSecret(SECOND, ROTATED_AT, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(endpoint.secret()).isEqualTo(FIRST);
    }
}
