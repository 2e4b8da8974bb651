package dev.orderpay.adapter.dintero;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DinteroConfigurationTest {

    private static final Map<String, Object> CREDENTIALS = Map.of(
            "dintero.account-id", "T11223344",
            "dintero.client-id", "client-id-123",
            "dintero.client-secret", "s3cr3t-client-secret");

    @Test
    void given_only_credentials_when_bound_then_profile_urls_and_audience_take_their_defaults() {
        DinteroConfiguration configuration = bind(CREDENTIALS);

        assertThat(configuration.profileId()).isEqualTo("default");
        assertThat(configuration.apiUrl()).isEqualTo("https://test.dintero.com");
        assertThat(configuration.checkoutUrl()).isEqualTo("https://checkout.test.dintero.com");
        assertThat(configuration.audience()).isEqualTo("https://test.dintero.com/v1/accounts/T11223344");
        assertThat(configuration.hasCredentials()).isTrue();
    }

    @Test
    void given_another_api_url_when_bound_then_the_default_audience_follows_it() {
        DinteroConfiguration configuration = bind(with("dintero.api-url", "https://api.dintero.com/"));

        assertThat(configuration.audience()).isEqualTo("https://api.dintero.com/v1/accounts/T11223344");
    }

    @Test
    void given_an_explicit_audience_when_bound_then_it_is_kept() {
        DinteroConfiguration configuration = bind(with("dintero.audience", "https://example.test/aud"));

        assertThat(configuration.audience()).isEqualTo("https://example.test/aud");
    }

    @Test
    void given_a_blank_secret_when_bound_then_credentials_are_missing() {
        assertThat(bind(with("dintero.client-secret", "")).hasCredentials()).isFalse();
    }

    @Test
    void given_a_secret_when_the_configuration_is_printed_then_the_secret_is_hidden() {
        String printed = bind(CREDENTIALS).toString();

        assertThat(printed).doesNotContain("s3cr3t-client-secret").contains("client-id-123", "<hidden>");
    }

    @Test
    void given_a_callback_secret_when_bound_and_printed_then_callbacks_are_signed_and_the_secret_is_hidden() {
        DinteroConfiguration configuration = bind(with("dintero.callback-secret", "cb-s3cr3t"));

        assertThat(configuration.signsCallbacks()).isTrue();
        assertThat(configuration.toString()).doesNotContain("cb-s3cr3t").contains("callbackSecret=<hidden>");
    }

    @Test
    void given_no_callback_secret_when_bound_then_callbacks_are_not_signed() {
        assertThat(bind(CREDENTIALS).signsCallbacks()).isFalse();
        assertThat(bind(with("dintero.callback-secret", "")).signsCallbacks()).isFalse();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(CREDENTIALS);
        properties.put(key, value);
        return properties;
    }

    private static DinteroConfiguration bind(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(DinteroConfiguration.class);
        }
    }
}
