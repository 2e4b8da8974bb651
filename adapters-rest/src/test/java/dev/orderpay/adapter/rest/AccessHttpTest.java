package dev.orderpay.adapter.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: merchant routes need a configured API key; the buyer's and the provider's routes do not. */
@MicronautTest
class AccessHttpTest {

    private static final String WRONG_KEY = "not-a-configured-key";

    @Inject
    Api api;
    @Inject
    RacingOrderRepository orders;
    @Inject
    RecordingPaymentGateway gateway;

    /** Every merchant route, with {id} standing for an existing, authorized order. */
    static Stream<Arguments> merchantRoutes() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/orders"),
                Arguments.of(HttpMethod.GET, "/orders"),
                Arguments.of(HttpMethod.GET, "/orders/totals"),
                Arguments.of(HttpMethod.GET, "/orders/{id}"),
                Arguments.of(HttpMethod.GET, "/orders/{id}/history"),
                Arguments.of(HttpMethod.POST, "/orders/{id}/capture"),
                Arguments.of(HttpMethod.POST, "/orders/{id}/refund"),
                Arguments.of(HttpMethod.POST, "/orders/{id}/cancel"));
    }

    /** Each merchant route with each kind of credentials that must not let a request in. */
    static Stream<Arguments> merchantRoutesWithBadCredentials() {
        List<Optional<String>> refused = List.of(Optional.empty(), Optional.of("Bearer " + WRONG_KEY),
                Optional.of("Bearer "), Optional.of("Basic dGVzdDp0ZXN0"), Optional.of(Api.MERCHANT_KEY),
                Optional.of("Token " + Api.MERCHANT_KEY));
        return merchantRoutes().flatMap(route -> refused.stream()
                .map(authorization -> Arguments.of(route.get()[0], route.get()[1], authorization)));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("merchantRoutesWithBadCredentials")
    void given_no_valid_api_key_when_a_merchant_route_is_called_then_401_unauthorized_and_nothing_happens(
            HttpMethod method, String route, Optional<String> authorization) {
        Order order = anAuthorizedOrder();
        int ordersBefore = storedOrders();
        int operationsBefore = gateway.operations().size();
        MutableHttpRequest<?> request = request(method, route, order);
        authorization.ifPresent(value -> request.header(HttpHeaders.AUTHORIZATION, value));

        Api.Reply reply = api.sendAnonymously(request);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "unauthorized").containsEntry("status", 401);
        assertThat(reply.header(HttpHeaders.WWW_AUTHENTICATE)).contains("Bearer");
        assertThat(reply.body()).doesNotContain(WRONG_KEY).doesNotContain(Api.MERCHANT_KEY);
        assertThat(storedOrders()).isEqualTo(ordersBefore);
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("merchantRoutes")
    void given_a_browser_without_a_valid_api_key_when_a_merchant_route_is_called_then_401_problem_not_406(
            HttpMethod method, String route) {
        MutableHttpRequest<?> request = request(method, route, anAuthorizedOrder())
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML);

        Api.Reply reply = api.sendAnonymously(request);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "unauthorized");
    }

    @Test
    void given_a_valid_api_key_and_only_html_accepted_when_a_merchant_route_is_called_then_406_not_acceptable() {
        Api.Reply reply = api.send(HttpRequest.GET("/orders").accept(MediaType.TEXT_HTML_TYPE));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "not_acceptable");
    }

    @Test
    void given_no_key_and_an_unsupported_accept_when_a_public_route_is_called_then_406_rather_than_401() {
        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders/" + aPendingOrder().id() + "/redirect")
                .accept(MediaType.APPLICATION_XML_TYPE));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json()).containsEntry("code", "not_acceptable");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("merchantRoutes")
    void given_a_key_configured_only_as_its_digest_when_a_merchant_route_is_called_then_it_is_let_in(
            HttpMethod method, String route) {
        Api.Reply reply = api.sendWithKey(Api.SECOND_MERCHANT_KEY, request(method, route, anAuthorizedOrder()));

        // Past the key check the route answers as for any merchant (a refund of an uncaptured order is a 409).
        assertThat(reply.status()).isNotIn(401, 403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bearer", "BEARER"})
    void given_the_bearer_scheme_in_another_case_when_called_then_the_key_is_accepted(String scheme) {
        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders")
                .header(HttpHeaders.AUTHORIZATION, scheme + " " + Api.MERCHANT_KEY));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void given_no_key_when_the_buyer_returns_then_the_return_is_answered() {
        Order order = aPendingOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders/" + order.id() + "/redirect?payment_id="
                + paymentId));
        Api.Reply legacy = api.sendAnonymously(HttpRequest.GET("/orders/" + order.id() + "/payment-redirect"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object("order")).containsEntry("status", "AUTHORIZED");
        assertThat(legacy.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void given_no_key_when_the_provider_notifies_then_the_notification_is_handled(String method) {
        Order order = aPendingOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.sendAnonymously(HttpRequest.create(HttpMethod.valueOf(method),
                        "/orders/" + order.id() + "/callback?payment_id=" + paymentId)
                .header(FakePaymentGateway.SIGNATURE_HEADER, FakePaymentGateway.VALID_SIGNATURE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("outcome", "HANDLED");
    }

    @Test
    void given_no_key_when_the_openapi_document_is_fetched_then_it_is_served() {
        Api.Reply reply = api.sendAnonymously(HttpRequest.GET(
                "/swagger/" + ApiDocumentation.TITLE + "-" + ApiDocumentation.VERSION + ".yml"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("openapi:");
    }

    @Test
    void given_no_key_when_a_path_that_does_not_exist_is_called_then_404_rather_than_401() {
        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/no/such/route"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).containsEntry("code", "not_found");
    }

    @Test
    void given_every_log_switched_to_trace_when_keys_are_presented_then_no_key_is_logged() {
        List<Logger> loggers = List.of(logger("io.micronaut.security"), logger("io.micronaut.http"),
                logger("dev.orderpay"));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        loggers.forEach(logger -> {
            logger.setLevel(Level.TRACE);
            logger.addAppender(logged);
        });
        try {
            api.sendWithKey(WRONG_KEY, HttpRequest.GET("/orders"));
            api.sendWithKey(Api.MERCHANT_KEY, HttpRequest.GET("/orders"));
            api.sendWithKey(Api.SECOND_MERCHANT_KEY, HttpRequest.GET("/orders"));
        } finally {
            loggers.forEach(logger -> {
                logger.detachAppender(logged);
                logger.setLevel(null);
            });
        }

        assertThat(logged.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(WRONG_KEY, Api.MERCHANT_KEY, Api.SECOND_MERCHANT_KEY));
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    private static MutableHttpRequest<?> request(HttpMethod method, String route, Order order) {
        String uri = route.replace("{id}", order.id().toString());
        if (uri.equals("/orders") && method == HttpMethod.POST) {
            return Api.createOrderRequest(100, "NOK", "access");
        }
        return method == HttpMethod.POST
                ? HttpRequest.POST(uri, "{}").contentType(MediaType.APPLICATION_JSON_TYPE)
                : HttpRequest.GET(uri);
    }

    private Order aPendingOrder() {
        String id = (String) api.createOrder(29900, "NOK", "access").json().get("id");
        return orders.findById(OrderId.parse(id)).orElseThrow();
    }

    private Order anAuthorizedOrder() {
        Order order = aPendingOrder();
        api.get("/orders/" + order.id() + "/redirect?payment_id=" + gateway.paymentFor(order, OrderStatus.AUTHORIZED));
        return orders.findById(order.id()).orElseThrow();
    }

    private int storedOrders() {
        return orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), Integer.MAX_VALUE).size();
    }
}
