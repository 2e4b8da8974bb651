package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataTest {

    @Test
    void given_keys_in_any_order_when_metadata_is_made_then_it_is_sorted_and_cannot_be_changed() {
        Metadata metadata = Metadata.of(Map.of("b", "2", "a", "1"));

        assertThat(metadata.values().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> metadata.values().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void given_51_keys_when_metadata_is_made_then_metadata_is_named_and_50_are_taken() {
        Map<String, String> values = new HashMap<>();
        for (int key = 1; key <= 50; key++) {
            values.put("k" + key, "v");
        }
        assertThat(Metadata.of(values).values()).hasSize(50);
        values.put("k51", "v");

        assertThatThrownBy(() -> Metadata.of(values))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("metadata"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "brackets]", "x12345678901234567890123456789012345678901"})
    void given_a_bad_key_when_it_is_checked_then_the_key_is_named(String key) {
        assertThatThrownBy(() -> Metadata.key(key))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("metadata." + key));
    }

    @Test
    void given_a_40_character_key_and_a_500_character_value_when_metadata_is_made_then_both_are_taken() {
        String key = "k".repeat(40);

        assertThat(Metadata.of(Map.of(key, "v".repeat(500))).values()).containsKey(key);
    }

    @Test
    void given_a_blank_or_501_character_value_when_it_is_checked_then_the_key_is_named() {
        assertThatThrownBy(() -> Metadata.value("note", "v".repeat(501)))
                .hasMessage("metadata.note must be at most 500 characters");
        assertThatThrownBy(() -> new Metadata(new TreeMap<>(Map.of("note", " "))))
                .hasMessage("metadata.note must not be blank");
    }
}
