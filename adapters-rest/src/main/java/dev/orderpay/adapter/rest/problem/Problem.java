package dev.orderpay.adapter.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.adapter.rest.OrderPaths;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the stable name clients branch on; {@code detail} is written here,
 * never copied from an exception, so internals do not leak.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem detail, sent as application/problem+json.")
public record Problem(URI type, String title, int status, String detail, ProblemCode code,
               @Schema(description = "The order the problem is about, when there is one.", nullable = false)
               @Nullable String instance,
               @JsonProperty("order_id")
               @Schema(name = "order_id", description = "The order's id, when there is one.", nullable = false)
               @Nullable String orderId,
               @JsonProperty("current_status")
               @Schema(name = "current_status",
                       description = "The order's status, when that is what refused the request.", nullable = false)
               @Nullable String currentStatus,
               @Schema(description = "The invalid fields of a validation_failed problem.", nullable = false)
               @Nullable List<FieldError> errors,
               @JsonProperty("required_scope")
               @Schema(name = "required_scope", description = "With insufficient_scope: the scope the API key lacks.",
                       nullable = false)
               @Nullable String requiredScope,
               @JsonProperty("line_id")
               @Schema(name = "line_id", description = "With operation_not_allowed: the order's line of which more"
                       + " was asked for than is left.", nullable = false)
               @Nullable String lineId,
               @JsonProperty("request_id")
               @Schema(name = "request_id", description = "The id of the request that got this answer, as in its"
                       + " Request-Id header: quote it when asking about the request.", nullable = false,
                       requiredMode = Schema.RequiredMode.REQUIRED)
               @Nullable String requestId) {

    private static final String TYPE_BASE = "https://orderpay.dev/problems/";
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    /** One bad input field and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    /** A problem specific to this API, documented under its own type URI. */
    public static Problem of(HttpStatus status, ProblemCode code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code.value()), title, status.getCode(), detail, code, null, null,
                null, null, null, null, null);
    }

    /** A plain HTTP error that needs no further explanation than its status (RFC 9457 "about:blank"). */
    public static Problem ofStatus(HttpStatus status, ProblemCode code, String detail) {
        return new Problem(ABOUT_BLANK, status.getReason(), status.getCode(), detail, code, null, null, null, null,
                null, null, null);
    }

    /** A provider that did not answer in time is a gateway timeout; every other provider failure a bad gateway. */
    public static Problem ofProvider(boolean timedOut, String detail) {
        if (timedOut) {
            return of(HttpStatus.GATEWAY_TIMEOUT, ProblemCode.PROVIDER_TIMEOUT, "Payment provider timed out", detail);
        }
        return of(HttpStatus.BAD_GATEWAY, ProblemCode.PROVIDER_UNAVAILABLE, "Payment provider unavailable", detail);
    }

    /** An order stored as FAILED because the provider could not open its checkout. */
    public static Problem checkoutFailed(String orderId, boolean timedOut) {
        return ofProvider(timedOut,
                "The order was stored with status FAILED: the payment provider could not open its checkout.")
                .aboutOrder(orderId);
    }

    /** The order changed under the request: a create that raced, or an operation that lost the order's version. */
    public static Problem concurrentUpdate() {
        return of(HttpStatus.CONFLICT, ProblemCode.CONCURRENT_UPDATE, "Order changed concurrently",
                "The order was being changed by another request. Try again.");
    }

    public static Problem malformedRequest() {
        return of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, "Malformed request",
                "The request body is missing or is not exactly one JSON object: no comments, no repeated keys,"
                        + " nothing after it.");
    }

    public static Problem unsupportedMediaType() {
        return ofStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the request body as application/json in UTF-8.");
    }

    public static Problem invalidFields(List<FieldError> errors) {
        return of(HttpStatus.BAD_REQUEST, ProblemCode.VALIDATION_FAILED, "Invalid request",
                "One or more fields are invalid.").withErrors(errors);
    }

    /** A key without the scope the route requires: which scope, so the client can ask for a key that has it. */
    public static Problem insufficientScope(String scope) {
        Problem problem = of(HttpStatus.FORBIDDEN, ProblemCode.INSUFFICIENT_SCOPE, "Insufficient scope",
                "This API key lacks the scope " + scope + " that this request requires.");
        return new Problem(problem.type, problem.title, problem.status, problem.detail, problem.code, null, null,
                null, null, scope, null, null);
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, instance, orderId, currentStatus, List.copyOf(fieldErrors),
                requiredScope, lineId, requestId);
    }

    public Problem aboutOrder(String id) {
        return new Problem(type, title, status, detail, code, OrderPaths.order(id), id, currentStatus, errors,
                requiredScope, lineId, requestId);
    }

    public Problem withCurrentStatus(String current) {
        return new Problem(type, title, status, detail, code, instance, orderId, current, errors, requiredScope,
                lineId, requestId);
    }

    /** The order's line the problem is about. */
    public Problem withLineId(String line) {
        return new Problem(type, title, status, detail, code, instance, orderId, currentStatus, errors,
                requiredScope, line, requestId);
    }

    /** Added to every problem on its way out (RequestIdFilter), so that a client can quote the request. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, code, instance, orderId, currentStatus, errors,
                requiredScope, lineId, id);
    }

    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).body(this)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }
}
