package dev.orderpay.bootstrap;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * Which payment provider the service talks to. An explicit choice ({@code PAYMENTS_PROVIDER}) always wins.
 * Otherwise the simulator, which needs no network, is chosen for a newcomer's first run, but never where Dintero
 * credentials are present or the environment is production: there it is Dintero, so the simulator can never be
 * active by accident where real money moves.
 */
final class PaymentProviderSelection {

    static final String PROPERTY = "payments.provider";
    static final String VARIABLE = "PAYMENTS_PROVIDER";
    static final String DINTERO = "dintero";
    static final String SIMULATOR = "simulator";

    private PaymentProviderSelection() {
    }

    static String choose(Map<String, String> environment, Properties systemProperties) {
        String explicit = systemProperties.getProperty(PROPERTY, environment.get(VARIABLE));
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        boolean dinteroCredentials = !environment.getOrDefault("DINTERO_CLIENT_ID", "").isBlank();
        return dinteroCredentials || isProduction(environment, systemProperties) ? DINTERO : SIMULATOR;
    }

    private static boolean isProduction(Map<String, String> environment, Properties systemProperties) {
        String environments = systemProperties.getProperty("micronaut.environments",
                environment.getOrDefault("MICRONAUT_ENVIRONMENTS", ""));
        return Arrays.stream(environments.split(","))
                .map(String::trim)
                .anyMatch(name -> name.equalsIgnoreCase("prod") || name.equalsIgnoreCase("production"));
    }
}
