package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UpdateWebhookEndpointCommandTest {

    private final WebhookEndpointId id = WebhookEndpointId.newId();

    @Test
    void given_nothing_then_nothing_changes() {
        UpdateWebhookEndpointCommand command = UpdateWebhookEndpointCommand.of(id, null, null, null, null,
                TestActors.CLIENT);

        assertThat(command.enabled()).isEmpty();
        assertThat(command.events()).isEmpty();
        assertThat(command.description()).isEmpty();
        assertThat(command.url()).isEmpty();
    }

    @Test
    void given_every_field_then_each_change_is_kept() {
        UpdateWebhookEndpointCommand command = UpdateWebhookEndpointCommand.of(id, false,
                List.of("order.refunded"), "returns desk", "https://other.example.test/hooks", TestActors.CLIENT);

        assertThat(command.enabled()).contains(false);
        assertThat(command.events()).contains(EventSelection.only(List.of(EventType.ORDER_REFUNDED)));
        assertThat(command.description()).contains("returns desk");
        assertThat(command.url()).contains(URI.create("https://other.example.test/hooks"));
    }

    @Test
    void given_an_empty_description_then_it_is_to_be_removed() {
        assertThat(UpdateWebhookEndpointCommand.of(id, null, null, "", null,
                TestActors.CLIENT).description()).contains("");
    }

    @Test
    void given_the_star_then_every_type_is_chosen() {
        assertThat(UpdateWebhookEndpointCommand.of(id, null, List.of("*"), null, null, TestActors.CLIENT).events())
                .contains(EventSelection.all());
    }

    @Test
    void given_bad_fields_then_every_one_is_named_at_once() {
        InvalidCommandException invalid = catchThrowableOfType(
                () -> UpdateWebhookEndpointCommand.of(id, true, List.of("order.created", "order.nope"), "\t", "nope",
                        TestActors.CLIENT),
                InvalidCommandException.class);

        assertThat(invalid.fieldErrors()).containsOnlyKeys("event_types[1]", "description", "url");
    }
}
