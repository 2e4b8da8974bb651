package dev.orderpay.adapter.simulator;

import dev.orderpay.adapter.simulator.SimulatedProvider.BuyerChoice;
import dev.orderpay.adapter.simulator.SimulatedProvider.Checkout;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.SessionId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import java.util.Optional;

/**
 * The simulated provider's hosted checkout, where the buyer pays, declines or cancels. Like a real provider it then
 * sends the buyer back to the order's return URL with its parameters (see {@link ReturnParameters}) and notifies the
 * order's notification URL. Open to anyone who has the link, as a hosted checkout is. A checkout is a page for a
 * person; only an unknown session is also answered as a problem, to a client that does not prefer HTML.
 */
@Controller(SimulatorCheckoutController.PATH)
@Requires(property = "payments.provider", value = "simulator")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class SimulatorCheckoutController {

    static final String PATH = "/simulator/checkout";
    // Nothing on the page loads anything; it must not be framed, where a buyer could be tricked into a click.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'";

    private final SimulatedProvider provider;
    private final SimulatorNotifications notifications;

    SimulatorCheckoutController(SimulatedProvider provider, SimulatorNotifications notifications) {
        this.provider = provider;
        this.notifications = notifications;
    }

    @Get(uri = "/{session}", produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> show(@PathVariable String session, HttpRequest<?> request) {
        return checkout(session)
                .<HttpResponse<?>>map(checkout -> page(HttpStatus.OK, checkout))
                .orElseGet(() -> notFound(session, request));
    }

    @Post(uri = "/{session}/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> pay(@PathVariable String session, HttpRequest<?> request) {
        return complete(session, BuyerChoice.PAY, request);
    }

    @Post(uri = "/{session}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> decline(@PathVariable String session, HttpRequest<?> request) {
        return complete(session, BuyerChoice.DECLINE, request);
    }

    @Post(uri = "/{session}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> cancel(@PathVariable String session, HttpRequest<?> request) {
        return complete(session, BuyerChoice.CANCEL, request);
    }

    private HttpResponse<?> complete(String session, BuyerChoice choice, HttpRequest<?> request) {
        if (checkout(session).isEmpty()) {
            return notFound(session, request);
        }
        SessionId sessionId = new SessionId(session);
        Optional<Checkout> completed = provider.complete(sessionId, choice);
        if (completed.isEmpty()) {
            // Paid, ended or expired already (perhaps in another tab): show how it stands; nothing changes.
            return page(HttpStatus.CONFLICT, provider.checkout(sessionId).orElseThrow());
        }
        Checkout checkout = completed.get();
        Map<String, String> parameters = ReturnParameters.of(checkout);
        notifications.send(checkout.notificationUrl(), parameters);
        UriBuilder returnUrl = UriBuilder.of(checkout.returnUrl());
        parameters.forEach(returnUrl::queryParam);
        return HttpResponse.seeOther(returnUrl.build());
    }

    /** A path that cannot be a session id names no checkout. */
    private Optional<Checkout> checkout(String session) {
        try {
            return provider.checkout(new SessionId(session));
        } catch (InvalidValueException notASessionId) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> page(HttpStatus status, Checkout checkout) {
        return html(status, SimulatorCheckoutPage.render(checkout, checkout.stage(provider.now())));
    }

    private static HttpResponse<?> notFound(String session, HttpRequest<?> request) {
        if (prefersHtml(request)) {
            return html(HttpStatus.NOT_FOUND, SimulatorCheckoutPage.notFound(session));
        }
        return HttpResponse.<SimulatorProblem>status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(SimulatorProblem.notFound("There is no checkout " + session + "."));
    }

    /** A browser lists text/html before JSON or a wildcard; API clients get JSON unless they say otherwise. */
    private static boolean prefersHtml(HttpRequest<?> request) {
        return request.accept().stream()
                .filter(type -> type.getName().equals(MediaType.TEXT_HTML)
                        || type.matches(MediaType.APPLICATION_JSON_TYPE))
                .findFirst()
                .map(type -> type.getName().equals(MediaType.TEXT_HTML))
                .orElse(false);
    }

    private static HttpResponse<String> html(HttpStatus status, String body) {
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                // The page changes as soon as the buyer chooses; a cached copy would offer choices no longer open.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
