package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderpay.adapter.dintero.DinteroSandbox;
import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces as the running service makes them, read back with the SDK's in-memory exporter: a span for the request
 * served, one for each call to Dintero (played by WireMock) as its child, with {@code traceparent} sent along, and
 * a root span for each reconciliation run. Tracing is switched on here as an OTLP endpoint switches it on in
 * production; only the exporter differs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The first creation fetches Dintero's access token, which the service then keeps: that test goes first.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracesTest implements TestPropertyProvider {

    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero()
            .with(TracingSelection.PROPERTY, "true")
            .with("otel.traces.exporter", "none")
            // The job's bean exists, but its timer never fires during the test: the test runs it.
            .with("orderpay.reconcile-enabled", "true")
            .with("orderpay.reconcile-interval", "1h")
            .with("orderpay.reconcile-after", "0s");

    private final ServiceClient service = orderpay.client();
    private final DinteroSandbox dintero = orderpay.dintero();

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ReconciliationJob reconciliation;

    @Inject
    ReconcileOrdersUseCase reconcileOrders;

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @BeforeEach
    void forgetSpans() {
        spans.reset();
    }

    @Test
    @Order(1)
    void given_an_order_created_then_the_dintero_calls_are_children_of_the_request_s_span_and_carry_its_trace()
            throws Exception {
        HttpResponse<String> created = service.postJson("/orders",
                "{\"amount\":29900,\"currency\":\"NOK\",\"receipt\":\"receipt#traced\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER
                && span.getName().equals("POST /orders"));
        assertThat(request.getAttributes().get(HTTP_ROUTE)).isEqualTo("/orders");
        assertThat(request.getParentSpanContext().isValid()).isFalse();

        List<SpanData> calls = clientSpansOf(request.getTraceId());
        assertThat(calls).extracting(call -> call.getAttributes().get(URL_FULL)).containsExactlyInAnyOrder(
                dintero.wireMock().baseUrl() + DinteroSandbox.TOKEN_PATH,
                dintero.wireMock().baseUrl() + DinteroSandbox.SESSION_PATH);
        assertThat(calls).allSatisfy(call -> assertThat(call.getParentSpanId()).isEqualTo(request.getSpanId()));

        // Dintero was told the trace: each call's traceparent names the request's trace and the call's own span.
        List<LoggedRequest> received = dintero.wireMock().findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(2);
        assertThat(received).extracting(call -> call.getHeader("traceparent"))
                .containsExactlyInAnyOrderElementsOf(calls.stream()
                        .map(call -> "00-" + request.getTraceId() + "-" + call.getSpanId() + "-01").toList());

        assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> assertThat(span.getAttributes().asMap().values())
                .allSatisfy(value -> assertThat(String.valueOf(value))
                        .doesNotContain(ServiceClient.API_KEY)
                        .doesNotContain(DinteroSandbox.CLIENT_SECRET)
                        .doesNotContain(DinteroSandbox.ACCESS_TOKEN)
                        .doesNotContain("Bearer")
                        .doesNotContain("Basic")));
        // Who asked stays out of the request's span.
        assertThat(request.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                .doesNotContain("user_agent.original", "client.address", "network.peer.address");
    }

    @Test
    @Order(2)
    void given_a_list_filtered_by_receipt_then_the_request_s_span_keeps_the_route_but_not_the_query()
            throws Exception {
        HttpResponse<String> listed = service.get("/orders?receipt=Jane%20Doe%27s%20order");
        assertThat(listed.statusCode()).isEqualTo(200);

        SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER
                && span.getName().equals("GET /orders"));

        assertThat(request.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/orders");
        assertThat(request.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                .doesNotContain("url.query");
        assertThat(request.getAttributes().asMap().values()).allSatisfy(value ->
                assertThat(String.valueOf(value)).doesNotContain("Jane"));
    }

    @Test
    @Order(3)
    void given_a_webhook_endpoint_pinged_then_its_call_s_span_names_only_the_receiver_s_host_and_port()
            throws Exception {
        int port = ServiceUnderTest.freePort();
        try (WebhookReceiver ignored = WebhookReceiver.startOn(port)) {
            String endpoint = service.registerWebhookEndpoint(
                    "http://127.0.0.1:" + port + "/hooks/path-token-1234?token=query-token-5678");
            try {
                assertThat(service.postJson("/webhook-endpoints/" + endpoint + "/test", "").statusCode())
                        .isEqualTo(200);
            } finally {
                service.deleteWebhookEndpoints();
            }
        }

        SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER
                && span.getName().equals("POST /webhook-endpoints/{id}/test"));
        List<SpanData> calls = clientSpansOf(request.getTraceId());
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(call.getAttributes().get(URL_FULL)).isEqualTo("http://127.0.0.1:" + port);
        });
        assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> assertThat(span.getAttributes().asMap().values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("token-")));
    }

    @Test
    @Order(4)
    void given_a_reconciliation_run_then_it_is_a_trace_of_its_own_with_the_dintero_calls_as_children()
            throws Exception {
        settleEarlierOrdersAside();
        String id = service.createOrder(5000, "NOK", "reconciled");
        dintero.givenSessionOf(id, "T-traced-" + id, Instant.now().plus(Duration.ofHours(1)));
        dintero.givenTransaction("T-traced-" + id, id, 5000, "NOK", "AUTHORIZED");
        spans.reset();
        ListAppender<ILoggingEvent> lines = linesAsWritten();
        try {
            reconciliation.run();
        } finally {
            traced().detachAppender(lines);
        }

        SpanData run = awaitSpan(span -> span.getName().equals(ReconciliationJob.SPAN));
        assertThat(run.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(run.getParentSpanContext().isValid()).isFalse();
        assertThat(run.getAttributes().get(AttributeKey.stringKey("orderpay.reconciliation.outcome")))
                .isIn("ok", "incomplete");
        assertThat(run.getAttributes().get(AttributeKey.longKey("orderpay.reconciliation.changed")))
                .isGreaterThanOrEqualTo(1L);

        List<SpanData> calls = clientSpansOf(run.getTraceId());
        assertThat(calls).isNotEmpty()
                .allSatisfy(call -> assertThat(call.getParentSpanId()).isEqualTo(run.getSpanId()));
        String sessionPath = "/v1/sessions/" + DinteroSandbox.sessionOf(id);
        assertThat(calls).extracting(call -> call.getAttributes().get(URL_FULL))
                .contains(dintero.wireMock().baseUrl() + sessionPath);
        assertThat(dintero.wireMock().findAll(anyRequestedFor(anyUrl())))
                .filteredOn(call -> call.getUrl().equals(sessionPath))
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.getHeader("traceparent"))
                        .startsWith("00-" + run.getTraceId() + "-"));

        // The run's log lines name its trace.
        assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().startsWith("Reconciled "))
                .singleElement().satisfies(line -> {
                    assertThat(line.getMDCPropertyMap()).containsEntry("trace_id", run.getTraceId());
                    assertThat(line.getMDCPropertyMap()).containsEntry("span_id", run.getSpanId());
                });
        assertThat(service.json(service.get("/orders/" + id)).get("status").getStringValue())
                .isEqualTo("AUTHORIZED");
    }

    /**
     * Claims every order other test classes left unsettled in this JVM's database ('reconcile-after' is 0s here), so
     * that the run under test asks about the test's own order; claimed orders are not claimed again for a while.
     */
    private void settleEarlierOrdersAside() {
        while (reconcileOrders.reconcileBatch().examined() > 0) {
            // the next batch
        }
    }

    /** The client spans of one trace, once the spans of the calls made in it have ended. */
    private List<SpanData> clientSpansOf(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT && span.getTraceId().equals(traceId))
                .toList();
    }

    /** A request's span ends just after its answer has gone out, so it may be exported a moment after that. */
    private SpanData awaitSpan(Predicate<SpanData> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).toList();
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems());
    }

    /** The lines as logback.xml's TRACED appender hands them on to the console, its trace ids added. */
    private static ListAppender<ILoggingEvent> linesAsWritten() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        traced().addAppender(lines);
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static AppenderAttachable<ILoggingEvent> traced() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return (AppenderAttachable<ILoggingEvent>) root.getAppender("TRACED");
    }

    /** The SDK's in-memory exporter in place of OTLP, fed as each span ends. */
    @Factory
    @Requires(property = TracingSelection.PROPERTY, value = "true")
    static class InMemorySpans {

        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }

        @Singleton
        SpanProcessor exportEachSpan(InMemorySpanExporter exporter) {
            return SimpleSpanProcessor.create(exporter);
        }
    }
}
