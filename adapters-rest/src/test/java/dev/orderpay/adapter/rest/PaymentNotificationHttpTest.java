package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.notification.PaymentNotificationController;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.service.HandleNotificationService;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.orderpay.application.port.out.FakePaymentGateway.DELIVERY_HEADER;
import static dev.orderpay.application.port.out.FakePaymentGateway.SIGNATURE_HEADER;
import static dev.orderpay.application.port.out.FakePaymentGateway.VALID_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

/** The provider's server-to-server notifications, as the fake provider signs and words them. */
@MicronautTest
class PaymentNotificationHttpTest {

    @Inject
    Api api;
    @Inject
    RacingOrderRepository orders;
    @Inject
    RecordingPaymentGateway gateway;

    @Test
    void given_a_signed_get_notification_of_the_orders_payment_then_200_handled_and_the_order_follows_it() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.send(signed(HttpRequest.GET(callback(order) + "?payment_id=" + paymentId)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(reply.json()).isEqualTo(Map.of("outcome", "HANDLED"));
        assertThat(stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_signed_post_notification_of_the_orders_payment_then_200_handled_and_the_order_follows_it() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.CAPTURED);

        Api.Reply reply = api.send(signed(HttpRequest.POST(callback(order) + "?payment_id=" + paymentId,
                "{\"event\": \"CAPTURE\"}").contentType(MediaType.APPLICATION_JSON_TYPE)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Map.of("outcome", "HANDLED"));
        assertThat(stored(order).status()).isEqualTo(OrderStatus.CAPTURED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    void given_a_post_whose_body_names_a_payment_when_notified_then_the_body_is_neither_refused_nor_read(String type) {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        // If the body were parsed into the parameters, the fake provider would see payment_id and the order move.
        Api.Reply reply = api.send(signed(HttpRequest.POST(callback(order), "payment_id=" + paymentId)
                .contentType(type)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(gateway.lastNotification().query()).doesNotContainKey("payment_id");
        assertThat(stored(order).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void given_a_notification_without_a_valid_signature_then_401_without_echoing_it_and_the_order_is_unchanged() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        String forgedSignature = "t=1,v0=forged-signature-value";
        // The use case logs the refusal, through java.util.logging as the framework-free core does.
        Logger serviceLog = Logger.getLogger(HandleNotificationService.class.getName());
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                logged.add(entry);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        serviceLog.addHandler(collect);
        Api.Reply reply;
        try {
            reply = api.send(HttpRequest.GET(callback(order) + "?payment_id=" + paymentId)
                    .header(SIGNATURE_HEADER, forgedSignature));
        } finally {
            serviceLog.removeHandler(collect);
        }

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "notification_unauthentic").containsEntry("status", 401);
        assertThat(reply.body()).doesNotContain(forgedSignature);
        assertThat(logged).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getMessage()).doesNotContain(forgedSignature));
        assertThat(stored(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    @Test
    void given_a_delivery_already_handled_when_it_comes_again_then_200_duplicate_and_nothing_changes_again() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        String uri = callback(order) + "?payment_id=" + paymentId;
        api.send(signed(HttpRequest.GET(uri)).header(DELIVERY_HEADER, "delivery-1"));
        long versionAfterFirst = stored(order).version();
        // Were the delivery not recognised, fetching the payment again would capture the order.
        gateway.changeStatus(paymentId, OrderStatus.CAPTURED);

        Api.Reply again = api.send(signed(HttpRequest.GET(uri)).header(DELIVERY_HEADER, "delivery-1"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(Map.of("outcome", "DUPLICATE"));
        assertThat(stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
        assertThat(stored(order).version()).isEqualTo(versionAfterFirst);
    }

    @Test
    void given_an_order_this_service_does_not_know_yet_when_notified_then_503_so_the_provider_delivers_again() {
        String unknown = UUID.randomUUID().toString();

        Api.Reply reply = api.send(signed(HttpRequest.GET("/orders/" + unknown + "/callback?payment_id=p")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "notification_retry_later").containsEntry("order_id", unknown);
    }

    @Test
    void given_an_id_that_is_not_a_uuid_when_notified_then_404_for_good() {
        Api.Reply reply = api.send(signed(HttpRequest.GET("/orders/not-a-uuid/callback?payment_id=p")));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
    }

    @Test
    void given_a_notification_pointing_at_another_orders_payment_then_409_rejected_and_the_order_is_unchanged() {
        Order order = anOrder();
        PaymentId othersPayment = gateway.paymentFor(anOrder(), OrderStatus.AUTHORIZED);

        Api.Reply reply = api.send(signed(HttpRequest.GET(callback(order) + "?payment_id=" + othersPayment)));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "notification_rejected")
                .containsEntry("order_id", order.id().toString());
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    @Test
    void given_an_order_that_keeps_changing_concurrently_when_notified_then_503_rather_than_a_final_refusal() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        orders.loseEveryUpdate(true);
        Api.Reply reply;
        try {
            reply = api.send(signed(HttpRequest.GET(callback(order) + "?payment_id=" + paymentId)));
        } finally {
            orders.loseEveryUpdate(false);
        }

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json()).containsEntry("code", "notification_retry_later");
    }

    @Test
    void given_a_get_notification_then_the_provider_adapter_sees_it_exactly_as_it_arrived() {
        Order order = anOrder();
        String rawQuery = "payment_id=p%2F1&note=a%20b%26c&note=second&empty=";

        api.send(signed(HttpRequest.GET(callback(order) + "?" + rawQuery))
                .header(HttpHeaders.HOST, "shop.example.test:8443")
                .header("X-Provider-Trace", "trace-7"));

        InboundNotification seen = gateway.lastNotification();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.host()).isEqualTo("shop.example.test");
        assertThat(seen.path()).isEqualTo(callback(order));
        assertThat(seen.rawQuery()).isEqualTo(rawQuery);
        assertThat(seen.query()).containsEntry("payment_id", List.of("p/1"))
                .containsEntry("note", List.of("a b&c", "second")).containsEntry("empty", List.of(""));
        assertThat(seen.header("x-provider-trace")).contains("trace-7");
        assertThat(seen.header(SIGNATURE_HEADER)).contains(VALID_SIGNATURE);
    }

    @Test
    void given_a_post_notification_without_a_query_then_the_adapter_sees_the_method_and_an_empty_raw_query() {
        Order order = anOrder();

        api.send(signed(HttpRequest.POST(callback(order), "{}").contentType(MediaType.APPLICATION_JSON_TYPE)));

        InboundNotification seen = gateway.lastNotification();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.rawQuery()).isEmpty();
        assertThat(seen.query()).isEmpty();
        assertThat(seen.host()).isEqualTo("localhost");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop.example.test:443", "shop.example.test", "[2001:db8::1]:8443", "[2001:db8::1]"})
    void given_a_host_header_with_or_without_a_port_then_only_the_name_is_kept(String header) {
        String name = header.startsWith("[") ? "[2001:db8::1]" : "shop.example.test";

        assertThat(PaymentNotificationController.hostWithoutPort(header)).isEqualTo(name);
    }

    private static String callback(Order order) {
        return "/orders/" + order.id() + "/callback";
    }

    private static <T> MutableHttpRequest<T> signed(MutableHttpRequest<T> request) {
        return request.header(SIGNATURE_HEADER, VALID_SIGNATURE);
    }

    private Order anOrder() {
        String id = (String) api.createOrder(29900, "NOK", "notified").json().get("id");
        return orders.findById(OrderId.parse(id)).orElseThrow();
    }

    private Order stored(Order order) {
        return orders.findById(order.id()).orElseThrow();
    }
}
