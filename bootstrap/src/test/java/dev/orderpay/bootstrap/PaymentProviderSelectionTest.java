package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentProviderSelectionTest {

    @Test
    void given_nothing_configured_then_the_simulator_serves_a_first_run() {
        assertThat(PaymentProviderSelection.choose(Map.of(), new Properties())).isEqualTo("simulator");
    }

    @Test
    void given_dintero_credentials_then_dintero_is_chosen() {
        assertThat(PaymentProviderSelection.choose(Map.of("DINTERO_CLIENT_ID", "client"), new Properties()))
                .isEqualTo("dintero");
    }

    @Test
    void given_a_production_environment_then_dintero_is_chosen_even_without_credentials() {
        assertThat(PaymentProviderSelection.choose(Map.of("MICRONAUT_ENVIRONMENTS", "cloud, prod"), new Properties()))
                .isEqualTo("dintero");
    }

    @Test
    void given_an_explicit_choice_then_it_wins_over_everything() {
        assertThat(PaymentProviderSelection.choose(
                Map.of("PAYMENTS_PROVIDER", "simulator", "DINTERO_CLIENT_ID", "client", "MICRONAUT_ENVIRONMENTS", "prod"),
                new Properties())).isEqualTo("simulator");
        Properties systemProperties = new Properties();
        systemProperties.setProperty("payments.provider", "dintero");
        assertThat(PaymentProviderSelection.choose(Map.of("PAYMENTS_PROVIDER", "simulator"), systemProperties))
                .isEqualTo("dintero");
    }

    @Test
    void given_a_blank_dintero_client_id_then_it_does_not_count_as_credentials() {
        assertThat(PaymentProviderSelection.choose(Map.of("DINTERO_CLIENT_ID", " "), new Properties()))
                .isEqualTo("simulator");
    }
}
