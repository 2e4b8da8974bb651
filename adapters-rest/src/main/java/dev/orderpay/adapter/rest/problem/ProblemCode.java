package dev.orderpay.adapter.rest.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Locale;

/**
 * Every {@code code} a problem of this API can carry: the closed set clients may branch on. Each JSON name is
 * spelled out because the OpenAPI processor reads it from here at compile time; it is always the constant's name in
 * lower case, which {@link #value()} relies on and a test checks.
 */
@Serdeable
@Schema(description = "The stable name of a problem, to branch on; title and detail are for people.")
public enum ProblemCode {
    @JsonProperty("validation_failed") VALIDATION_FAILED,
    @JsonProperty("malformed_request") MALFORMED_REQUEST,
    @JsonProperty("unauthorized") UNAUTHORIZED,
    @JsonProperty("forbidden") FORBIDDEN,
    @JsonProperty("insufficient_scope") INSUFFICIENT_SCOPE,
    @JsonProperty("api_key_not_found") API_KEY_NOT_FOUND,
    @JsonProperty("last_key_manager") LAST_KEY_MANAGER,
    @JsonProperty("api_key_from_environment") API_KEY_FROM_ENVIRONMENT,
    @JsonProperty("not_found") NOT_FOUND,
    @JsonProperty("order_not_found") ORDER_NOT_FOUND,
    @JsonProperty("event_not_found") EVENT_NOT_FOUND,
    @JsonProperty("webhook_endpoint_not_found") WEBHOOK_ENDPOINT_NOT_FOUND,
    @JsonProperty("webhook_endpoint_limit_reached") WEBHOOK_ENDPOINT_LIMIT_REACHED,
    @JsonProperty("webhook_endpoint_disabled") WEBHOOK_ENDPOINT_DISABLED,
    @JsonProperty("method_not_allowed") METHOD_NOT_ALLOWED,
    @JsonProperty("not_acceptable") NOT_ACCEPTABLE,
    @JsonProperty("unsupported_media_type") UNSUPPORTED_MEDIA_TYPE,
    @JsonProperty("uri_too_long") URI_TOO_LONG,
    @JsonProperty("headers_too_large") HEADERS_TOO_LARGE,
    @JsonProperty("rate_limited") RATE_LIMITED,
    @JsonProperty("operation_not_allowed") OPERATION_NOT_ALLOWED,
    @JsonProperty("concurrent_update") CONCURRENT_UPDATE,
    @JsonProperty("idempotency_key_reused") IDEMPOTENCY_KEY_REUSED,
    @JsonProperty("idempotency_request_in_progress") IDEMPOTENCY_REQUEST_IN_PROGRESS,
    @JsonProperty("payment_verification_failed") PAYMENT_VERIFICATION_FAILED,
    @JsonProperty("notification_unauthentic") NOTIFICATION_UNAUTHENTIC,
    @JsonProperty("notification_rejected") NOTIFICATION_REJECTED,
    @JsonProperty("notification_retry_later") NOTIFICATION_RETRY_LATER,
    @JsonProperty("provider_unavailable") PROVIDER_UNAVAILABLE,
    @JsonProperty("provider_timeout") PROVIDER_TIMEOUT,
    /** A status the framework answered that none of the codes above describes. */
    @JsonProperty("http_error") HTTP_ERROR,
    @JsonProperty("internal_error") INTERNAL_ERROR;

    /** The code as clients see it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
