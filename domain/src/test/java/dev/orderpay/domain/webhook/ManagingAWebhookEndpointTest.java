package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.event.EventType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.orderpay.domain.webhook.TestWebhookEndpoints.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagingAWebhookEndpointTest {

    private static final Instant LATER = TestWebhookEndpoints.CREATED_AT.plus(Duration.ofDays(2));

    @Test
    void given_a_new_endpoint_then_it_is_enabled_at_version_zero_with_its_secret_alone() {
        WebhookEndpoint endpoint = WebhookEndpoint.register(WebhookEndpointId.newId(),
                URI.create("https://merchant.example.test/hooks"), EventSelection.all(), Optional.of("shop"),
                TestWebhookEndpoints.SECRET, TestWebhookEndpoints.CREATED_AT);

        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.disabled()).isEmpty();
        assertThat(endpoint.version()).isZero();
        assertThat(endpoint.description()).contains("shop");
        assertThat(endpoint.createdAt()).isEqualTo(TestWebhookEndpoints.CREATED_AT);
        assertThat(endpoint.previousSecret()).isEmpty();
        assertThat(endpoint.secretsInForce(LATER)).containsExactly(TestWebhookEndpoints.SECRET);
    }

    @Test
    void given_an_enabled_endpoint_when_disabled_then_it_says_why_and_since_when() {
        WebhookEndpoint endpoint = anEndpoint().build();

        boolean changed = endpoint.disable("every delivery failed for 3 days", LATER);

        assertThat(changed).isTrue();
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabled())
                .contains(new WebhookEndpoint.Disabled("every delivery failed for 3 days", LATER));
    }

    @Test
    void given_a_disabled_endpoint_when_disabled_again_then_the_first_reason_stands() {
        WebhookEndpoint endpoint = anEndpoint().build();
        endpoint.disable("disabled through the API", LATER);

        boolean changed = endpoint.disable("every delivery failed for 3 days", LATER.plusSeconds(60));

        assertThat(changed).isFalse();
        assertThat(endpoint.disabled()).contains(new WebhookEndpoint.Disabled("disabled through the API", LATER));
    }

    @Test
    void given_a_disabled_endpoint_when_enabled_then_its_reason_is_gone() {
        WebhookEndpoint endpoint = anEndpoint().build();
        endpoint.disable("every delivery failed for 3 days", LATER);

        endpoint.enable();

        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.disabled()).isEmpty();
    }

    @Test
    void given_an_enabled_endpoint_when_enabled_then_nothing_changes() {
        WebhookEndpoint endpoint = anEndpoint().build();

        endpoint.enable();

        assertThat(endpoint.enabled()).isTrue();
    }

    @Test
    void given_a_blank_reason_when_disabling_then_it_is_refused_and_the_endpoint_stays_enabled() {
        WebhookEndpoint endpoint = anEndpoint().build();

        assertThatThrownBy(() -> endpoint.disable(" ", LATER)).isInstanceOf(InvalidValueException.class);
        assertThat(endpoint.enabled()).isTrue();
    }

    @Test
    void given_an_endpoint_when_its_event_types_change_then_it_subscribes_to_the_new_ones_only() {
        WebhookEndpoint endpoint = anEndpoint().subscribedTo(EventType.ORDER_CREATED).build();

        endpoint.changeEventTypes(EventSelection.only(List.of(EventType.ORDER_CAPTURED, EventType.ORDER_REFUNDED)));

        assertThat(endpoint.subscribesTo(EventType.ORDER_CAPTURED)).isTrue();
        assertThat(endpoint.subscribesTo(EventType.ORDER_REFUNDED)).isTrue();
        assertThat(endpoint.subscribesTo(EventType.ORDER_CREATED)).isFalse();
    }

    @Test
    void given_an_endpoint_for_every_type_then_it_subscribes_to_each_subscribable_type_but_not_to_ping() {
        WebhookEndpoint endpoint = anEndpoint().build();

        for (EventType type : EventType.values()) {
            assertThat(endpoint.subscribesTo(type)).as(type.wireName()).isEqualTo(type.isSubscribable());
        }
    }

    @Test
    void given_a_disabled_endpoint_then_it_still_subscribes_to_its_types() {
        WebhookEndpoint endpoint = anEndpoint().subscribedTo(EventType.ORDER_CREATED).build();
        endpoint.disable("disabled through the API", LATER);

        assertThat(endpoint.subscribesTo(EventType.ORDER_CREATED)).isTrue();
    }

    @Test
    void given_an_endpoint_when_moved_then_it_has_the_new_url() {
        WebhookEndpoint endpoint = anEndpoint().build();

        endpoint.moveTo(URI.create("https://other.example.test/hooks"));

        assertThat(endpoint.url()).isEqualTo(URI.create("https://other.example.test/hooks"));
    }

    @Test
    void given_a_relative_url_then_it_is_refused() {
        WebhookEndpoint endpoint = anEndpoint().build();

        assertThatThrownBy(() -> endpoint.moveTo(URI.create("/hooks")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("url"));
        assertThat(endpoint.url()).isEqualTo(URI.create("https://merchant.example.test/webhooks"));
    }

    @Test
    void given_an_endpoint_when_its_description_is_set_and_then_removed_then_it_follows() {
        WebhookEndpoint endpoint = anEndpoint().build();

        endpoint.describe(Optional.of("warehouse 🏭"));
        Optional<String> set = endpoint.description();
        endpoint.describe(Optional.empty());

        assertThat(set).contains("warehouse 🏭");
        assertThat(endpoint.description()).isEmpty();
    }

    @Test
    void given_a_description_longer_than_255_characters_then_it_is_refused() {
        WebhookEndpoint endpoint = anEndpoint().build();

        assertThatThrownBy(() -> endpoint.describe(Optional.of("d".repeat(256))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("description"));
    }

    @Test
    void given_an_endpoint_when_printed_then_no_secret_shows() {
        WebhookEndpoint endpoint = anEndpoint().signingWith(new SigningSecret("whsec_do-not-print")).build();
        endpoint.rotateSecret(new SigningSecret("whsec_nor-this"), LATER, Duration.ofHours(24));

        assertThat(endpoint.toString()).doesNotContain("do-not-print").doesNotContain("nor-this")
                .contains(endpoint.id().toString());
    }
}
