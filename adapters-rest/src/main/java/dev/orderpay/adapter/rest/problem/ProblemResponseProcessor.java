package dev.orderpay.adapter.rest.problem;

import dev.orderpay.adapter.rest.correlation.RequestIds;
import dev.orderpay.adapter.rest.problem.Problem.FieldError;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.List;
import java.util.Optional;

/**
 * Replaces Micronaut's default error body, so that the errors the framework raises itself (no route, unreadable
 * JSON, a query value of the wrong type, a constraint violation, an unexpected exception) are problem details
 * like ours. Only the status and the exception's type are used: exception messages never reach the client.
 */
@Singleton
class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> baseResponse) {
        HttpStatus status = narrowed(baseResponse.status(), context.getRequest());
        // A request Netty could not decode never passes the filters, so its id is given here.
        String requestId = RequestIds.of(context.getRequest());
        return baseResponse.status(status).body(describe(status, context.getRootCause()).withRequestId(requestId))
                .header(RequestIds.HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    /**
     * Micronaut answers 413 to every request Netty found too long to decode; HTTP has its own status for a request
     * line that is too long (414) and for header fields that are (431).
     */
    private static HttpStatus narrowed(HttpStatus status, HttpRequest<?> request) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || !(request instanceof NettyHttpRequest<?> netty)) {
            return status;
        }
        Throwable decodingFailure = netty.getNativeRequest().decoderResult().cause();
        if (decodingFailure instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        if (decodingFailure instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return status;
    }

    private static Problem describe(HttpStatus status, Optional<Throwable> cause) {
        if (status.getCode() >= 500) {
            return Problem.ofStatus(status, ProblemCode.INTERNAL_ERROR, "An unexpected error occurred.");
        }
        return switch (status) {
            case BAD_REQUEST -> badRequest(cause.orElse(null));
            case NOT_FOUND -> Problem.ofStatus(status, ProblemCode.NOT_FOUND, "Nothing exists at this address.");
            case METHOD_NOT_ALLOWED -> Problem.ofStatus(status, ProblemCode.METHOD_NOT_ALLOWED,
                    "This resource does not support the request's method.");
            case UNSUPPORTED_MEDIA_TYPE -> Problem.unsupportedMediaType();
            case NOT_ACCEPTABLE -> Problem.ofStatus(status, ProblemCode.NOT_ACCEPTABLE,
                    "This resource cannot answer in any of the accepted media types.");
            case REQUEST_URI_TOO_LONG -> Problem.ofStatus(status, ProblemCode.URI_TOO_LONG,
                    "The request line, query string included, is longer than this server accepts.");
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> Problem.ofStatus(status, ProblemCode.HEADERS_TOO_LARGE,
                    "The request's header fields are larger than this server accepts.");
            default -> Problem.ofStatus(status, ProblemCode.HTTP_ERROR, status.getReason());
        };
    }

    private static Problem badRequest(Throwable cause) {
        if (cause instanceof ConstraintViolationException violations) {
            return Problem.invalidFields(violations.getConstraintViolations().stream()
                    .map(violation -> new FieldError(lastName(violation.getPropertyPath()), violation.getMessage()))
                    .toList());
        }
        Optional<String> badValue = wronglyTypedField(cause);
        if (badValue.isPresent()) {
            return Problem.invalidFields(List.of(new FieldError(badValue.get(), "has the wrong type or format")));
        }
        if (cause instanceof UnsatisfiedArgumentException missing && !isBody(missing.getArgument())) {
            return Problem.invalidFields(List.of(new FieldError(missing.getArgument().getName(), "is required")));
        }
        return Problem.malformedRequest();
    }

    /** The JSON property or request parameter whose value could not be converted to the type it must have. */
    private static Optional<String> wronglyTypedField(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                List<ReferencePath> path = serde.getPath();
                return Optional.of(path.get(path.size() - 1).getArgument().getName());
            }
        }
        if (cause instanceof ConversionErrorException conversion && !isBody(conversion.getArgument())) {
            return Optional.of(conversion.getArgument().getName());
        }
        return Optional.empty();
    }

    private static boolean isBody(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class);
    }

    private static String lastName(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
