package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.out.PaymentGateway;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator, page included, exists only where it was chosen: it is never anyone's default. */
class SimulatorActivationTest {

    @Test
    void given_no_provider_chosen_when_the_application_starts_then_there_is_no_simulator() {
        try (ApplicationContext context = ApplicationContext.run(properties(null))) {
            assertThat(context.findBean(PaymentGateway.class)).isEmpty();
            assertThat(context.findBean(SimulatorCheckoutController.class)).isEmpty();
        }
    }

    @Test
    void given_another_provider_chosen_when_the_application_starts_then_there_is_no_simulator() {
        try (ApplicationContext context = ApplicationContext.run(properties("dintero"))) {
            assertThat(context.findBean(PaymentGateway.class)).isEmpty();
            assertThat(context.findBean(SimulatorCheckoutController.class)).isEmpty();
        }
    }

    @Test
    void given_the_simulator_chosen_when_the_application_starts_then_it_is_the_payment_gateway() {
        try (ApplicationContext context = ApplicationContext.run(properties("simulator"))) {
            assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(SimulatorPaymentGateway.class);
            assertThat(context.findBean(SimulatorCheckoutController.class)).isPresent();
        }
    }

    private static Map<String, Object> properties(String provider) {
        Map<String, Object> properties = new HashMap<>(Map.of("orderpay.public-url", "http://localhost:3000"));
        if (provider != null) {
            properties.put("payments.provider", provider);
        }
        return properties;
    }
}
