package dev.orderpay.adapter.rest.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.adapter.rest.input.StrictJson.MalformedJsonException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reader on nested shapes, which the HTTP tests reach only through today's flat request bodies. */
class StrictJsonTest {

    @Introspected
    record Line(@JsonProperty("line_id") String lineId, Long amount) {
    }

    @Introspected
    record Basket(List<Line> items, Map<String, String> metadata, Boolean gift) {
    }

    private static final Argument<Basket> BASKET = Argument.of(Basket.class);

    @Test
    void given_a_body_that_fits_the_record_then_nothing_is_wrong() throws MalformedJsonException {
        assertThat(misfits("""
                {"items": [{"line_id": "1", "amount": 100}], "metadata": {"k": "v"}, "gift": null}""")).isEmpty();
    }

    @Test
    void given_wrong_values_deep_inside_then_each_is_named_by_its_path() throws MalformedJsonException {
        Map<String, String> misfits = misfits("""
                {"items": [{"line_id": "1", "amount": 100}, {"line_id": 2, "amount": 1.5, "colour": "red"}],
                 "metadata": {"k": 1}, "gift": "yes"}""");

        assertThat(misfits).containsOnlyKeys("items[1].line_id", "items[1].amount", "items[1].colour",
                "metadata.k", "gift");
        assertThat(misfits.get("items[1].colour")).isEqualTo("is not a field of this request");
    }

    @Test
    void given_a_property_named_for_json_then_only_its_json_name_is_known() throws MalformedJsonException {
        assertThat(misfits("{\"items\": [{\"lineId\": \"1\"}]}")).containsOnlyKeys("items[0].lineId");
    }

    @Test
    void given_a_request_without_a_body_type_then_every_field_is_unknown() throws MalformedJsonException {
        assertThat(StrictJson.misfits("{\"a\": 1, \"b\": {\"c\": 2}}".getBytes(StandardCharsets.UTF_8),
                Argument.VOID)).containsOnlyKeys("a", "b");
    }

    @Test
    void given_a_duplicate_key_deep_inside_then_the_body_is_malformed() {
        assertThatThrownBy(() -> misfits("{\"items\": [{\"amount\": 1, \"amount\": 2}]}"))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void given_an_empty_or_truncated_body_then_it_is_malformed() {
        assertThatThrownBy(() -> misfits("")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> misfits("{\"items\": [")).isInstanceOf(MalformedJsonException.class);
    }

    private static Map<String, String> misfits(String body) throws MalformedJsonException {
        return StrictJson.misfits(body.getBytes(StandardCharsets.UTF_8), BASKET);
    }
}
