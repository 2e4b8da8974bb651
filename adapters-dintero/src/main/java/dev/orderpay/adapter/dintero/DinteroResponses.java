package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a call to Dintero gave (a response or a client failure) into its body or a
 * {@link PaymentProviderException}. Messages hold Dintero's own error text and never a request header,
 * so no credential or token can reach them; nor does a personal value the request carried, should Dintero quote it.
 */
final class DinteroResponses {

    /** Dintero's error texts are short; anything longer is not worth carrying into logs. */
    private static final int MAX_ERROR_TEXT = 200;

    private DinteroResponses() {
    }

    static <T> T bodyOf(String action, Supplier<HttpResponse<T>> call) {
        return bodyOf(action, call, List.of());
    }

    /** @param personalValues what the request carried of a person's: {@code [redacted]} where Dintero quotes one */
    static <T> T bodyOf(String action, Supplier<HttpResponse<T>> call, List<String> personalValues) {
        HttpResponse<T> response = answerOf(action, call, personalValues);
        return response.getBody().orElseThrow(() -> unreadable(action, response.code(), null));
    }

    /** The successful response, whose body may be empty. */
    static <T> HttpResponse<T> answerOf(String action, Supplier<HttpResponse<T>> call) {
        return answerOf(action, call, List.of());
    }

    private static <T> HttpResponse<T> answerOf(String action, Supplier<HttpResponse<T>> call,
                                                List<String> personalValues) {
        HttpResponse<T> response;
        try {
            response = call.get();
        } catch (ReadTimeoutException timeout) {
            throw new PaymentProviderException(Kind.TIMEOUT, action + ": Dintero did not answer in time", timeout);
        } catch (HttpClientResponseException refused) {
            throw refusal(action, refused.getResponse(), personalValues, refused);
        } catch (HttpClientException unreachable) {
            throw new PaymentProviderException(Kind.UNAVAILABLE,
                    action + ": no answer from Dintero (" + unreachable.getMessage() + ")", unreachable);
        }
        if (response.code() >= 400) {
            throw refusal(action, response, personalValues, null);
        }
        return response;
    }

    private static PaymentProviderException refusal(String action, HttpResponse<?> response,
                                                    List<String> personalValues, Throwable cause) {
        int status = response.code();
        if (status < 400) {
            return unreadable(action, status, cause);
        }
        // Too many requests is Dintero being busy, not refusing: like a server error, it passes.
        Kind kind = status == 404 ? Kind.NOT_FOUND : status >= 500 || status == 429 ? Kind.UNAVAILABLE : Kind.REJECTED;
        return new PaymentProviderException(kind,
                action + ": Dintero answered HTTP " + status
                        + errorText(response, personalValues).map(text -> ": " + text).orElse(""),
                cause);
    }

    static PaymentProviderException unreadable(String action, int status, Throwable cause) {
        return new PaymentProviderException(Kind.UNAVAILABLE,
                action + ": Dintero's answer (HTTP " + status + ") could not be read", cause);
    }

    private static Optional<String> errorText(HttpResponse<?> response, List<String> personalValues) {
        Optional<DinteroError.Detail> detail;
        try {
            detail = response.getBody(DinteroError.class).map(DinteroError::error);
        } catch (RuntimeException notDinteroJson) {
            return Optional.empty();
        }
        return detail.map(error -> (error.code() == null ? "" : error.code() + " ")
                        + (error.message() == null ? "" : error.message()))
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> redacted(text, personalValues))
                .map(DinteroResponses::printable);
    }

    /**
     * Longest values first, so that a name inside an e-mail address leaves none of the address; before shortening,
     * so that no part of a value is left at the cut.
     */
    private static String redacted(String text, List<String> personalValues) {
        String redacted = text;
        for (String value : personalValues.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            redacted = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE).matcher(redacted)
                    .replaceAll(Matcher.quoteReplacement("[redacted]"));
        }
        return redacted;
    }

    private static String printable(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > MAX_ERROR_TEXT ? oneLine.substring(0, MAX_ERROR_TEXT) + "..." : oneLine;
    }
}
