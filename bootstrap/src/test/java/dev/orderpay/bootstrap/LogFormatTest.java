package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void given_nothing_chosen_then_text_with_the_banner() {
        LogFormat format = LogFormat.choose(Map.of(), new Properties());

        assertThat(format).isEqualTo(LogFormat.TEXT);
        assertThat(format.showsBanner()).isTrue();
    }

    @Test
    void given_json_in_the_environment_then_json_without_the_banner() {
        LogFormat format = LogFormat.choose(Map.of("ORDERPAY_LOG_FORMAT", "json"), new Properties());

        assertThat(format).isEqualTo(LogFormat.JSON);
        assertThat(format.fileSuffix()).isEqualTo("json");
        assertThat(format.showsBanner()).isFalse();
    }

    @Test
    void given_a_system_property_then_it_wins_over_the_environment_as_in_logback_xml() {
        Properties properties = new Properties();
        properties.setProperty("orderpay.log-format", "text");

        assertThat(LogFormat.choose(Map.of("ORDERPAY_LOG_FORMAT", "json"), properties)).isEqualTo(LogFormat.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "JSON", "xml", " json"})
    void given_any_other_value_then_the_start_is_refused_naming_the_setting(String value) {
        assertThatThrownBy(() -> LogFormat.choose(Map.of("ORDERPAY_LOG_FORMAT", value), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDERPAY_LOG_FORMAT");
    }
}
