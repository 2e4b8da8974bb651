package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment's truth when returns and notifications race, repeat or arrive out of order, and when Dintero is
 * down: real HTTP, real PostgreSQL, Dintero played by WireMock.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentTruthTest implements TestPropertyProvider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero().with("orderpay.reconcile-after", "0s");

    private final ServiceClient service = orderpay.client();
    private final DinteroSandbox dintero = orderpay.dintero();

    @Inject
    ReconcileOrdersUseCase reconciliation;

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_returns_and_callbacks_racing_for_one_payment_then_exactly_one_transition_is_recorded() throws Exception {
        String id = service.createOrder(29900, "NOK", "race");
        String transaction = "T-race-" + id;
        dintero.givenTransaction(transaction, id, 29900, "NOK", "AUTHORIZED");

        // Mechanism under test: the version check on the order row plus deciding again after a lost race.
        // Without it, several of these requests would each record PENDING -> AUTHORIZED.
        int requests = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String path = i % 2 == 0
                    ? "/orders/" + id + "/redirect?transaction_id=" + transaction + "&merchant_reference=" + id
                    : "/orders/" + id + "/callback?transaction_id=" + transaction + "&session_id="
                    + DinteroSandbox.sessionOf(id) + "&merchant_reference=" + id;
            String delivery = "delivery-" + i;
            Callable<Integer> call = () -> {
                start.await();
                return service.get(path, "event-delivery", delivery).statusCode();
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        pool.shutdown();

        JsonNode order = service.order(id, "?include=history");
        assertThat(order.get("status").getStringValue()).isEqualTo("AUTHORIZED");
        assertThat(transitions(order)).containsExactly("PENDING->AUTHORIZED");
    }

    @Test
    void given_a_capture_reported_before_and_after_the_return_then_the_order_ends_captured_once() throws Exception {
        String id = service.createOrder(5000, "NOK", "capture");
        String transaction = "T-cap-" + id;
        dintero.givenTransaction(transaction, id, 5000, "NOK", "CAPTURED");

        HttpResponse<String> callback = service.get("/orders/" + id + "/callback?transaction_id=" + transaction
                + "&merchant_reference=" + id + "&event=CAPTURE&event_id=E-1", "event-delivery", "d-cap-1");
        HttpResponse<String> redirect = service.get("/orders/" + id + "/redirect?transaction_id=" + transaction);

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(redirect.statusCode()).isEqualTo(200);
        JsonNode order = service.order(id, "?include=history");
        assertThat(order.get("status").getStringValue()).isEqualTo("CAPTURED");
        assertThat(transitions(order)).containsExactly("PENDING->CAPTURED");
        assertThat(order.get("history").get(0).get("source").getStringValue()).isEqualTo("CALLBACK");
    }

    @Test
    void given_a_late_cancel_after_authorization_then_the_order_stays_authorized() throws Exception {
        String id = service.createOrder(7000, "NOK", "late-cancel");
        dintero.givenTransaction("T-late-" + id, id, 7000, "NOK", "AUTHORIZED");
        service.get("/orders/" + id + "/redirect?transaction_id=T-late-" + id);

        HttpResponse<String> cancel = service.get("/orders/" + id + "/redirect?error=cancelled&merchant_reference=" + id);

        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(service.order(id, "").get("status").getStringValue()).isEqualTo("AUTHORIZED");
    }

    @Test
    void given_dintero_down_during_the_return_then_the_buyer_is_told_it_is_being_confirmed_and_reconciliation_finishes()
            throws Exception {
        String id = service.createOrder(8000, "NOK", "down-on-return");
        String transaction = "T-down-" + id;
        dintero.givenTransactionUnavailable(transaction);

        HttpResponse<String> page = service.get("/orders/" + id + "/redirect?transaction_id=" + transaction,
                "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("confirming");
        assertThat(service.order(id, "").get("status").getStringValue()).isEqualTo("PENDING");

        // Dintero is back; the session now shows the payment, and reconciliation settles the order.
        dintero.reset();
        dintero.givenTransaction(transaction, id, 8000, "NOK", "AUTHORIZED");
        dintero.givenSessionOf(id, transaction, Instant.parse("2099-01-01T00:00:00Z"));
        reconcileEverythingOlderThanNow();

        assertThat(service.order(id, "").get("status").getStringValue()).isEqualTo("AUTHORIZED");
    }

    private void reconcileEverythingOlderThanNow() {
        // 'reconcile-after' is 0s here; claimed orders are not claimed again, so this ends.
        int examined;
        do {
            examined = reconciliation.reconcileBatch().examined();
        } while (examined > 0);
    }

    private static List<String> transitions(JsonNode order) {
        List<String> steps = new ArrayList<>();
        for (JsonNode change : order.get("history").values()) {
            steps.add(change.get("from").getStringValue() + "->" + change.get("to").getStringValue());
        }
        return steps;
    }
}
