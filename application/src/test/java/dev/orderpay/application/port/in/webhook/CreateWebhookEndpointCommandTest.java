package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CreateWebhookEndpointCommandTest {

    private static final String URL = "https://merchant.example.test/hooks";

    @Test
    void given_a_url_alone_then_the_endpoint_is_for_every_type_without_a_description() {
        CreateWebhookEndpointCommand command = CreateWebhookEndpointCommand.of(URL, null, null, TestActors.CLIENT);

        assertThat(command.url()).isEqualTo(URI.create(URL));
        assertThat(command.events()).isEqualTo(EventSelection.all());
        assertThat(command.description()).isEmpty();
    }

    @Test
    void given_the_star_alone_then_the_endpoint_is_for_every_type() {
        assertThat(CreateWebhookEndpointCommand.of(URL, List.of("*"), "",
                TestActors.CLIENT).events()).isEqualTo(EventSelection.all());
    }

    @Test
    void given_wire_names_then_the_endpoint_is_for_those_types() {
        CreateWebhookEndpointCommand command = CreateWebhookEndpointCommand.of(URL,
                List.of("order.captured", "operation.failed"), "warehouse", TestActors.CLIENT);

        assertThat(command.events().chosen()).containsExactly(EventType.ORDER_CAPTURED, EventType.OPERATION_FAILED);
        assertThat(command.description()).contains("warehouse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/hooks", "hooks.example.test", "https://", "https://exa mple.test/",
            "mailto:someone@example.test", "https://user:password@merchant.example.test/hooks"})
    void given_a_url_that_is_not_an_absolute_one_with_a_host_and_no_credentials_then_the_url_is_named(String url) {
        assertThat(fieldsWrongIn(url, null, null)).containsExactly("url");
    }

    @Test
    void given_no_url_then_it_is_named_as_required() {
        InvalidCommandException invalid = catchThrowableOfType(
                () -> CreateWebhookEndpointCommand.of(null, null, null, TestActors.CLIENT),
                        InvalidCommandException.class);

        assertThat(invalid.fieldErrors()).containsEntry("url", "is required");
    }

    @Test
    void given_a_url_of_more_than_2048_characters_then_it_is_named() {
        String longUrl = "https://merchant.example.test/" + "a".repeat(2048);

        assertThat(fieldsWrongIn(longUrl, null, null)).containsExactly("url");
    }

    @Test
    void given_unknown_and_unsubscribable_names_then_each_is_named_by_its_place() {
        assertThat(fieldsWrongIn(URL, Arrays.asList("order.created", "order.paid", "ping", null), null))
                .containsExactly("event_types[1]", "event_types[2]", "event_types[3]");
    }

    @Test
    void given_no_names_then_the_list_is_named() {
        assertThat(fieldsWrongIn(URL, List.of(), null)).containsExactly("event_types");
    }

    @Test
    void given_the_star_beside_names_then_the_list_is_named() {
        assertThat(fieldsWrongIn(URL, List.of("*", "order.created"), null)).containsExactly("event_types");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a\u0007b"})
    void given_a_description_that_is_not_plain_text_then_it_is_named(String description) {
        assertThat(fieldsWrongIn(URL, null, description)).containsExactly("description");
    }

    @Test
    void given_a_description_of_256_characters_then_it_is_named() {
        assertThat(fieldsWrongIn(URL, null, "d".repeat(256))).containsExactly("description");
    }

    @Test
    void given_everything_wrong_then_every_field_is_named_at_once() {
        assertThat(fieldsWrongIn("/relative", List.of("nope"), " "))
                .containsExactly("url", "event_types[0]", "description");
    }

    private static List<String> fieldsWrongIn(String url, List<String> eventTypes, String description) {
        InvalidCommandException invalid = catchThrowableOfType(
                () -> CreateWebhookEndpointCommand.of(url, eventTypes, description, TestActors.CLIENT),
                        InvalidCommandException.class);
        assertThat(invalid).as("refused").isNotNull();
        return List.copyOf(invalid.fieldErrors().keySet());
    }
}
