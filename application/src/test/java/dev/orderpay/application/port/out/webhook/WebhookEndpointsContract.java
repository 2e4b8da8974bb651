package dev.orderpay.application.port.out.webhook;

import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;
import dev.orderpay.domain.webhook.PreviousSecret;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.orderpay.domain.webhook.TestWebhookEndpoints.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link WebhookEndpoints} must do. Each implementation's test extends this class and supplies one over
 * empty storage.
 */
public abstract class WebhookEndpointsContract {

    private static final int LIMIT = 16;
    private static final Instant CREATED_AT = Instant.parse("2026-03-08T12:00:00.123456Z");
    private static final Instant LATER = CREATED_AT.plus(Duration.ofDays(3));

    /** Endpoints with nothing stored. */
    protected abstract WebhookEndpoints emptyEndpoints();

    @Test
    void an_added_endpoint_is_found_as_it_was_with_version_zero_and_its_secret() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().at("https://merchant.example.test/hooks?shop=1")
                .subscribedTo(EventType.ORDER_CAPTURED, EventType.ORDER_CREATED)
                .describedAs("warehouse – æøå 🏭")
                .signingWith(new SigningSecret("whsec_contract")).build();

        boolean added = endpoints.addWithinLimit(endpoint, LIMIT);

        assertThat(added).isTrue();
        WebhookEndpoint found = endpoints.findById(endpoint.id()).orElseThrow();
        assertSameEndpoint(found, endpoint);
        assertThat(found.version()).isZero();
        assertThat(found.enabled()).isTrue();
        assertThat(found.events().chosen()).containsExactly(EventType.ORDER_CREATED, EventType.ORDER_CAPTURED);
        assertThat(found.secret()).isEqualTo(new SigningSecret("whsec_contract"));
    }

    @Test
    void an_endpoint_for_every_type_stays_one_for_every_type() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().build();

        endpoints.addWithinLimit(endpoint, LIMIT);

        WebhookEndpoint found = endpoints.findById(endpoint.id()).orElseThrow();
        assertThat(found.events()).isEqualTo(EventSelection.all());
        assertThat(found.description()).isEmpty();
    }

    @Test
    void an_unknown_endpoint_is_not_found() {
        assertThat(emptyEndpoints().findById(WebhookEndpointId.newId())).isEmpty();
    }

    @Test
    void no_endpoint_is_added_beyond_the_limit() {
        WebhookEndpoints endpoints = emptyEndpoints();
        endpoints.addWithinLimit(anEndpoint().build(), 2);
        endpoints.addWithinLimit(anEndpoint().build(), 2);
        WebhookEndpoint third = anEndpoint().build();

        boolean added = endpoints.addWithinLimit(third, 2);

        assertThat(added).isFalse();
        assertThat(endpoints.findById(third.id())).isEmpty();
        assertThat(endpoints.findAll()).hasSize(2);
    }

    @Test
    void every_endpoint_is_listed_oldest_first() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint newest = anEndpoint().createdAt(CREATED_AT.plusSeconds(120)).build();
        WebhookEndpoint oldest = anEndpoint().createdAt(CREATED_AT).build();
        WebhookEndpoint middle = anEndpoint().createdAt(CREATED_AT.plusSeconds(60)).build();
        List.of(newest, oldest, middle).forEach(endpoint -> endpoints.addWithinLimit(endpoint, LIMIT));

        assertThat(endpoints.findAll()).extracting(WebhookEndpoint::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
    }

    @Test
    void an_update_stores_every_change_and_a_new_version() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().describedAs("first").build();
        endpoints.addWithinLimit(endpoint, LIMIT);
        WebhookEndpoint loaded = endpoints.findById(endpoint.id()).orElseThrow();

        loaded.moveTo(URI.create("https://other.example.test/hooks"));
        loaded.changeEventTypes(EventSelection.only(List.of(EventType.OPERATION_FAILED)));
        loaded.describe(Optional.empty());
        loaded.disable("Disabled through the API.", LATER);
        WebhookEndpoint updated = endpoints.update(loaded);

        WebhookEndpoint found = endpoints.findById(endpoint.id()).orElseThrow();
        assertThat(updated.version()).isEqualTo(1);
        assertSameEndpoint(found, updated);
        assertThat(found.url()).isEqualTo(URI.create("https://other.example.test/hooks"));
        assertThat(found.events().chosen()).containsExactly(EventType.OPERATION_FAILED);
        assertThat(found.description()).isEmpty();
        assertThat(found.disabled()).contains(new WebhookEndpoint.Disabled("Disabled through the API.", LATER));
    }

    @Test
    void a_rotated_secret_is_stored_with_the_previous_one_and_when_it_stops_signing() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().signingWith(new SigningSecret("whsec_old")).build();
        endpoints.addWithinLimit(endpoint, LIMIT);
        WebhookEndpoint loaded = endpoints.findById(endpoint.id()).orElseThrow();

        loaded.rotateSecret(new SigningSecret("whsec_new"), LATER, Duration.ofHours(24));
        endpoints.update(loaded);

        WebhookEndpoint found = endpoints.findById(endpoint.id()).orElseThrow();
        assertThat(found.secret()).isEqualTo(new SigningSecret("whsec_new"));
        assertThat(found.previousSecret())
                .contains(new PreviousSecret(new SigningSecret("whsec_old"), LATER.plus(Duration.ofHours(24))));
        assertThat(found.secretsInForce(LATER))
                .containsExactly(new SigningSecret("whsec_new"), new SigningSecret("whsec_old"));
    }

    @Test
    void an_update_of_a_stale_copy_is_refused_and_changes_nothing() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().build();
        endpoints.addWithinLimit(endpoint, LIMIT);
        WebhookEndpoint first = endpoints.findById(endpoint.id()).orElseThrow();
        WebhookEndpoint second = endpoints.findById(endpoint.id()).orElseThrow();
        first.describe(Optional.of("first"));
        endpoints.update(first);

        second.describe(Optional.of("second"));

        assertThatThrownBy(() -> endpoints.update(second))
                .isInstanceOf(ConcurrentWebhookEndpointUpdateException.class);
        assertThat(endpoints.findById(endpoint.id()).orElseThrow().description()).contains("first");
    }

    @Test
    void an_update_of_an_endpoint_that_is_not_stored_is_refused() {
        WebhookEndpoints endpoints = emptyEndpoints();

        assertThatThrownBy(() -> endpoints.update(anEndpoint().build()))
                .isInstanceOf(ConcurrentWebhookEndpointUpdateException.class);
    }

    @Test
    void disabling_an_enabled_endpoint_records_why_and_makes_loaded_copies_stale() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().build();
        endpoints.addWithinLimit(endpoint, LIMIT);
        WebhookEndpoint loadedBefore = endpoints.findById(endpoint.id()).orElseThrow();

        boolean disabled = endpoints.disable(endpoint.id(), "Every delivery failed for 3 days.", LATER);

        assertThat(disabled).isTrue();
        assertThat(endpoints.findById(endpoint.id()).orElseThrow().disabled())
                .contains(new WebhookEndpoint.Disabled("Every delivery failed for 3 days.", LATER));
        // A merchant's change made on a copy from before must not enable it again unseen.
        loadedBefore.describe(Optional.of("edited"));
        assertThatThrownBy(() -> endpoints.update(loadedBefore))
                .isInstanceOf(ConcurrentWebhookEndpointUpdateException.class);
    }

    @Test
    void disabling_a_disabled_endpoint_keeps_the_first_reason() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().build();
        endpoints.addWithinLimit(endpoint, LIMIT);
        endpoints.disable(endpoint.id(), "Disabled through the API.", CREATED_AT.plusSeconds(1));

        boolean disabled = endpoints.disable(endpoint.id(), "Every delivery failed for 3 days.", LATER);

        assertThat(disabled).isFalse();
        assertThat(endpoints.findById(endpoint.id()).orElseThrow().disabled())
                .contains(new WebhookEndpoint.Disabled("Disabled through the API.", CREATED_AT.plusSeconds(1)));
    }

    @Test
    void disabling_an_unknown_endpoint_does_nothing() {
        assertThat(emptyEndpoints().disable(WebhookEndpointId.newId(), "gone", LATER)).isFalse();
    }

    @Test
    void the_endpoints_for_a_type_are_the_enabled_ones_subscribed_to_it_oldest_first() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint everything = anEndpoint().createdAt(CREATED_AT.plusSeconds(3)).build();
        WebhookEndpoint captures = anEndpoint().createdAt(CREATED_AT.plusSeconds(1))
                .subscribedTo(EventType.ORDER_CREATED, EventType.ORDER_CAPTURED).build();
        WebhookEndpoint refunds = anEndpoint().createdAt(CREATED_AT.plusSeconds(2))
                .subscribedTo(EventType.ORDER_REFUNDED).build();
        WebhookEndpoint disabled = anEndpoint().createdAt(CREATED_AT).build();
        List.of(everything, captures, refunds, disabled).forEach(endpoint -> endpoints.addWithinLimit(endpoint, LIMIT));
        endpoints.disable(disabled.id(), "Disabled through the API.", LATER);

        assertThat(endpoints.findEnabledSubscribedTo(EventType.ORDER_CAPTURED)).extracting(WebhookEndpoint::id)
                .containsExactly(captures.id(), everything.id());
        assertThat(endpoints.findEnabledSubscribedTo(EventType.OPERATION_FAILED)).extracting(WebhookEndpoint::id)
                .containsExactly(everything.id());
        assertThat(endpoints.findEnabledSubscribedTo(EventType.PING)).isEmpty();
    }

    @Test
    void a_deleted_endpoint_is_gone_and_frees_its_place_under_the_limit() {
        WebhookEndpoints endpoints = emptyEndpoints();
        WebhookEndpoint endpoint = anEndpoint().build();
        endpoints.addWithinLimit(endpoint, 1);

        boolean deleted = endpoints.delete(endpoint.id());

        assertThat(deleted).isTrue();
        assertThat(endpoints.findById(endpoint.id())).isEmpty();
        assertThat(endpoints.delete(endpoint.id())).isFalse();
        assertThat(endpoints.addWithinLimit(anEndpoint().build(), 1)).isTrue();
    }

    private static void assertSameEndpoint(WebhookEndpoint actual, WebhookEndpoint expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.url()).isEqualTo(expected.url());
        assertThat(actual.events()).isEqualTo(expected.events());
        assertThat(actual.description()).isEqualTo(expected.description());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.disabled()).isEqualTo(expected.disabled());
        assertThat(actual.secret()).isEqualTo(expected.secret());
        assertThat(actual.previousSecret()).isEqualTo(expected.previousSecret());
    }
}
