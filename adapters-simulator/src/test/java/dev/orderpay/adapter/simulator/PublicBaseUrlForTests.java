package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.out.PublicBaseUrl;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Bootstrap makes this bean in production; these tests set {@code orderpay.public-url} themselves. */
@Factory
class PublicBaseUrlForTests {

    @Singleton
    PublicBaseUrl publicBaseUrl(@Value("${orderpay.public-url}") String configured) {
        return PublicBaseUrl.of(configured);
    }
}
