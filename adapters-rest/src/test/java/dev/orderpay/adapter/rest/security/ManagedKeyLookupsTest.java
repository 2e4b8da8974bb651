package dev.orderpay.adapter.rest.security;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedKeyLookupsTest {

    @ParameterizedTest
    @ValueSource(strings = {"PT5.001S", "PT1M", "PT-1S"})
    void given_a_cache_period_a_revoked_key_could_outlive_by_more_than_five_seconds_then_startup_fails(String ttl) {
        assertThatThrownBy(() -> new ManagedKeyLookups(digest -> Optional.empty(),
                Executors.newSingleThreadExecutor(), Duration.parse(ttl)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(ManagedKeyLookups.CACHE_TTL);
    }
}
