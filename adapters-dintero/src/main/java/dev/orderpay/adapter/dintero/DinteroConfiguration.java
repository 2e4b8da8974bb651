package dev.orderpay.adapter.dintero;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code dintero.*} settings. The HTTP clients take their base URLs and timeouts from
 * {@code micronaut.http.services.dintero-api.*} and {@code dintero-checkout.*}, which the application configuration
 * points at {@code api-url} and {@code checkout-url}; here {@code api-url} also gives the token audience its default.
 * Missing credentials do not stop the application: a checkout then fails with a message naming the settings.
 *
 * @param audience       the audience asked for in the token request; by default {@code {api-url}/v1/accounts/{account-id}}
 * @param callbackSecret the secret Dintero signs its callbacks with ({@code POST /v1/admin/signature}); without it,
 *                       callbacks are accepted unsigned
 */
@ConfigurationProperties("dintero")
@Requires(property = "payments.provider", value = "dintero", defaultValue = "dintero")
record DinteroConfiguration(
        @Nullable String accountId,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Bindable(defaultValue = "default") String profileId,
        @Bindable(defaultValue = "https://test.dintero.com") String apiUrl,
        @Bindable(defaultValue = "https://checkout.test.dintero.com") String checkoutUrl,
        @Nullable String audience,
        @Nullable String callbackSecret) {

    DinteroConfiguration {
        if (audience == null || audience.isBlank()) {
            audience = withoutTrailingSlash(apiUrl) + "/v1/accounts/" + accountId;
        }
    }

    boolean signsCallbacks() {
        return isSet(callbackSecret);
    }

    boolean hasCredentials() {
        return isSet(accountId) && isSet(clientId) && isSet(clientSecret);
    }

    /** Without the secrets: configuration objects end up in logs and debugger views. */
    @Override
    public String toString() {
        return "DinteroConfiguration[accountId=" + accountId + ", clientId=" + clientId
                + ", clientSecret=" + (isSet(clientSecret) ? "<hidden>" : "<not set>")
                + ", profileId=" + profileId + ", apiUrl=" + apiUrl + ", checkoutUrl=" + checkoutUrl
                + ", audience=" + audience
                + ", callbackSecret=" + (signsCallbacks() ? "<hidden>" : "<not set>") + "]";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
