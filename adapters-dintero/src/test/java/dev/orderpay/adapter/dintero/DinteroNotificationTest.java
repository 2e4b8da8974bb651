package dev.orderpay.adapter.dintero;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.application.port.out.UnauthenticNotificationException;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.TestClock;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.orderpay.adapter.dintero.DinteroPaymentGatewayTest.listen;
import static dev.orderpay.adapter.dintero.DinteroPaymentGatewayTest.stopListening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dintero's callbacks as they reach the notification route. The expected signatures were computed outside this
 * code, with {@code printf '%s' "<signed text>" | openssl dgst -sha256 -hmac callback-s3cret} (and checked with
 * Python's hmac module); each test names the exact text signed. The clock stands at 2026-03-08T12:00:00Z,
 * unix time 1772971200.
 */
class DinteroNotificationTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
    private static final String SECRET = "callback-s3cret";
    private static final String HOST = "shop.example.test";
    private static final String PATH = "/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/callback";

    /** A payment callback as Dintero sends it for our callback_url, parameters in Dintero's order, ':' unescaped. */
    private static final String PAID_QUERY = "transaction_id=T11223344.tx1&session_id=T11223344.ses1"
            + "&merchant_reference=6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10&time=2026-03-08T11:59:58.123Z"
            + "&report_error=true&report_event=CAPTURE&report_event=REFUND&report_event=VOID";
    /**
     * Signed text (lines joined by \n): {@code 1772971200}, {@code T11223344}, {@code GET}, {@code shop.example.test},
     * {@code /orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/callback},
     * {@code merchant_reference=6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10&report_error=true&report_event=CAPTURE&report_event=REFUND&report_event=VOID&session_id=T11223344.ses1&time=2026-03-08T11%3A59%3A58.123Z&transaction_id=T11223344.tx1}
     */
    private static final String PAID_SIGNATURE = "42f4d0036387e0976146d9340daf363d50efe077bc7e5c4e0c94f85fd95968b2";

    @RegisterExtension
    static final DinteroSandbox signed = DinteroSandbox.forTheGateway().withProperty("dintero.callback-secret", SECRET);
    @RegisterExtension
    static final DinteroSandbox unsigned = DinteroSandbox.forTheGateway();

    @Test
    void given_a_correctly_signed_payment_callback_when_authenticated_then_it_names_the_payment_and_the_delivery() {
        ProviderNotice notice = signedGateway().authenticateNotification(callback("GET", HOST, PAID_QUERY, Map.of(
                "Dintero-Signature", "t=1772971200,v0-hmac-sha256=" + PAID_SIGNATURE,
                "event-delivery", "b6e7a3c2-delivery-1")));

        assertThat(notice).isEqualTo(new ProviderNotice(Optional.of("b6e7a3c2-delivery-1"),
                Optional.of(new PaymentId("T11223344.tx1")), Optional.empty(), Optional.empty()));
    }

    @Test
    void given_a_signed_cancellation_with_spaces_and_repeated_unsorted_parameters_when_authenticated_then_it_is_accepted_as_cancelled() {
        // Signed text: 1772971200\nT11223344\nGET\nshop.example.test\n/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/callback\n
        // error=cancelled&merchant_reference=6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10&note=a+first+note&note=paid+in+full&session_id=T11223344.ses1&time=2026-03-08T11%3A59%3A58Z
        // (sorted by name, then value; spaces as '+', although they arrive as %20)
        String query = "time=2026-03-08T11:59:58Z&note=paid%20in%20full&session_id=T11223344.ses1&error=cancelled"
                + "&note=a+first+note&merchant_reference=6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10";

        ProviderNotice notice = signedGateway().authenticateNotification(callback("GET", HOST, query, Map.of(
                "Dintero-Signature",
                "t=1772971200,v0-hmac-sha256=4ed7031629d7542d6e3db9c604026e354db63b130d85d42c72f917dda62990b6")));

        assertThat(notice).isEqualTo(new ProviderNotice(Optional.empty(), Optional.empty(),
                Optional.of(CheckoutEnding.CANCELLED), Optional.empty()));
    }

    @Test
    void given_a_signed_capture_event_posted_four_minutes_ago_to_a_host_with_a_port_when_authenticated_then_the_event_id_is_read() {
        // Signed text: 1772970960\nT11223344\nPOST\nshop.example.test\n/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/callback\n
        // event=CAPTURE&event_id=3&merchant_reference=6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10&method=POST&session_id=T11223344.ses1&time=2026-03-08T11%3A56%3A00Z&transaction_id=T11223344.tx1
        String query = "method=POST&transaction_id=T11223344.tx1&session_id=T11223344.ses1&event=CAPTURE&event_id=3"
                + "&merchant_reference=6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10&time=2026-03-08T11%3A56%3A00Z";

        ProviderNotice notice = signedGateway().authenticateNotification(callback("POST", "Shop.Example.Test:8443",
                query, Map.of("Dintero-Signature",
                        "t=1772970960,v0-hmac-sha256=9b116ab4b6a59e59cb5fc5e19b14a4984b5f40ea598244ab201b4eeedce31e64",
                        "event-delivery", "delivery-2")));

        assertThat(notice).isEqualTo(new ProviderNotice(Optional.of("delivery-2"),
                Optional.of(new PaymentId("T11223344.tx1")), Optional.empty(), Optional.of("3")));
    }

    @Test
    void given_dinteros_published_example_when_authenticated_then_its_signature_is_accepted() {
        // Dintero's own example (docs, POST /v1/admin/signature): secret 123, account P00000000, t=1582236537,
        // GET https://example.com/callback?B=123&A=992. Signed text: 1582236537\nP00000000\nGET\nexample.com\n/callback\nA=992&B=123
        DinteroConfiguration configuration = new DinteroConfiguration("P00000000", null, null, "default",
                "https://api.dintero.com", "https://checkout.dintero.com", null, "123");
        DinteroCallbacks callbacks = new DinteroCallbacks(configuration,
                Clock.fixed(Instant.ofEpochSecond(1582236537), ZoneOffset.UTC));

        Map<String, List<String>> parameters = callbacks.authenticate(callback("GET", "example.com", "/callback",
                "B=123&A=992", Map.of("Dintero-Signature",
                        "t=1582236537,v0-hmac-sha256=6bed2ab1b919d460ef7465a20dc6c97260dca73fab6647106ca525f0908df64a")));

        assertThat(parameters).containsEntry("A", List.of("992")).containsEntry("B", List.of("123"));
    }

    @Test
    void given_two_signatures_of_which_the_second_matches_when_authenticated_then_it_is_accepted() {
        // Dintero sends one signature per secret while a secret is being replaced.
        ProviderNotice notice = signedGateway().authenticateNotification(callback("GET", HOST, PAID_QUERY, Map.of(
                "Dintero-Signature", "t=1772971200,v0-hmac-sha256=" + "0".repeat(64)
                        + ",v0-hmac-sha256=" + PAID_SIGNATURE)));

        assertThat(notice.paymentId()).contains(new PaymentId("T11223344.tx1"));
    }

    @Test
    void given_a_signature_exactly_five_minutes_old_when_authenticated_then_it_is_still_accepted() {
        TestClock clock = TestClock.standingAt(NOW);
        clock.advance(Duration.ofMinutes(5));

        assertThat(signed.newGateway(clock).authenticateNotification(paidCallbackSignedWith(PAID_SIGNATURE))
                .paymentId()).contains(new PaymentId("T11223344.tx1"));
    }

    @Test
    void given_a_signature_more_than_five_minutes_old_when_authenticated_then_it_is_refused() {
        TestClock clock = TestClock.standingAt(NOW);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertRefused(signed.newGateway(clock), paidCallbackSignedWith(PAID_SIGNATURE), "minutes");
    }

    @Test
    void given_a_signature_dated_more_than_five_minutes_ahead_when_authenticated_then_it_is_refused() {
        TestClock clock = TestClock.standingAt(NOW);
        clock.advance(Duration.ofMinutes(-6));

        assertRefused(signed.newGateway(clock), paidCallbackSignedWith(PAID_SIGNATURE), "minutes");
    }

    @Test
    void given_a_signed_callback_whose_transaction_was_swapped_when_authenticated_then_it_is_refused() {
        InboundNotification tampered = callback("GET", HOST, PAID_QUERY.replace("T11223344.tx1", "T11223344.tx9"),
                Map.of("Dintero-Signature", "t=1772971200,v0-hmac-sha256=" + PAID_SIGNATURE));

        assertRefused(signedGateway(), tampered, "does not match");
    }

    @Test
    void given_a_signed_callback_replayed_to_another_host_when_authenticated_then_it_is_refused() {
        InboundNotification elsewhere = callback("GET", "other.example.test", PAID_QUERY,
                Map.of("Dintero-Signature", "t=1772971200,v0-hmac-sha256=" + PAID_SIGNATURE));

        assertRefused(signedGateway(), elsewhere, "does not match");
    }

    @Test
    void given_a_signature_with_a_moved_timestamp_when_authenticated_then_it_is_refused() {
        assertRefused(signedGateway(), callback("GET", HOST, PAID_QUERY,
                Map.of("Dintero-Signature", "t=1772971201,v0-hmac-sha256=" + PAID_SIGNATURE)), "does not match");
    }

    @ParameterizedTest(name = "given Dintero-Signature \"{0}\" when authenticated then it is refused as unreadable")
    @ValueSource(strings = {"", "v0-hmac-sha256=42f4d0036387e0976146d9340daf363d50efe077bc7e5c4e0c94f85fd95968b2",
            "t=1772971200", "t=soon,v0-hmac-sha256=42f4", "t=1772971200,t=1772971200,v0-hmac-sha256=42f4",
            "t=1772971200,v1-hmac-sha512=42f4", "garbage"})
    void given_an_unreadable_signature_header_when_authenticated_then_it_is_refused(String header) {
        assertRefused(signedGateway(), callback("GET", HOST, PAID_QUERY, Map.of("Dintero-Signature", header)),
                "cannot be read");
    }

    @Test
    void given_a_secret_and_a_callback_without_a_signature_when_authenticated_then_it_is_refused() {
        assertRefused(signedGateway(), callback("GET", HOST, PAID_QUERY, Map.of()), "cannot be read");
    }

    @Test
    void given_a_signature_that_is_not_hex_when_authenticated_then_it_is_refused_as_not_matching() {
        assertRefused(signedGateway(), callback("GET", HOST, PAID_QUERY,
                Map.of("Dintero-Signature", "t=1772971200,v0-hmac-sha256=not-hex")), "does not match");
    }

    @Test
    void given_no_secret_when_an_unsigned_failure_callback_arrives_then_it_is_accepted_with_the_failure_hint() {
        ProviderNotice notice = unsigned.newGateway().authenticateNotification(callback("GET", HOST,
                "session_id=T11223344.ses1&merchant_reference=ref&time=2026-03-08T11%3A59%3A58Z&error=authorization",
                Map.of()));

        assertThat(notice).isEqualTo(new ProviderNotice(Optional.empty(), Optional.empty(),
                Optional.of(CheckoutEnding.FAILED), Optional.empty()));
    }

    @Test
    void given_only_the_decoded_query_when_a_signed_callback_arrives_then_the_signature_is_checked_against_it() {
        InboundNotification decodedOnly = new InboundNotification("GET", HOST, PATH, "", decoded(PAID_QUERY),
                Map.of("Dintero-Signature", List.of("t=1772971200,v0-hmac-sha256=" + PAID_SIGNATURE)));

        assertThat(signedGateway().authenticateNotification(decodedOnly).paymentId()).contains(new PaymentId("T11223344.tx1"));
    }

    @Test
    void given_a_query_with_a_broken_escape_when_authenticated_then_it_is_refused_even_without_a_secret() {
        assertRefused(unsigned.newGateway(), callback("GET", HOST, "transaction_id=T1%zz", Map.of()), "query");
    }

    @Test
    void given_no_secret_when_the_application_starts_then_one_warning_says_signatures_are_not_checked() {
        ListAppender<ILoggingEvent> logs = listen(DinteroCallbacks.class);
        try (ApplicationContext context = ApplicationContext.run(Map.of("dintero.account-id", "T11223344"))) {
            assertThat(logs.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("dintero.callback-secret", "without checking");
            });
        } finally {
            stopListening(DinteroCallbacks.class, logs);
        }
    }

    @Test
    void given_a_secret_when_the_application_starts_then_there_is_no_warning_and_the_secret_is_never_logged() {
        ListAppender<ILoggingEvent> logs = listen(DinteroCallbacks.class);
        try (ApplicationContext context = ApplicationContext.run(Map.of("dintero.callback-secret", SECRET))) {
            assertThatThrownBy(() -> context.getBean(DinteroCallbacks.class).authenticate(callback("GET", HOST,
                    PAID_QUERY, Map.of("Dintero-Signature", "t=1,v0-hmac-sha256=00"))))
                    .isInstanceOf(UnauthenticNotificationException.class)
                    .message().doesNotContain(SECRET);
            assertThat(logs.list).isEmpty();
        } finally {
            stopListening(DinteroCallbacks.class, logs);
        }
    }

    private static DinteroPaymentGateway signedGateway() {
        return signed.newGateway(TestClock.standingAt(NOW));
    }

    private static InboundNotification paidCallbackSignedWith(String signature) {
        return callback("GET", HOST, PAID_QUERY, Map.of("Dintero-Signature", "t=1772971200,v0-hmac-sha256=" + signature));
    }

    private static InboundNotification callback(String method, String host, String rawQuery, Map<String, String> headers) {
        return callback(method, host, PATH, rawQuery, headers);
    }

    /** As the notification route hands it over: the raw query, and the same query decoded. */
    private static InboundNotification callback(String method, String host, String path, String rawQuery,
                                                Map<String, String> headers) {
        Map<String, List<String>> headerLists = new HashMap<>();
        headers.forEach((name, value) -> headerLists.put(name, List.of(value)));
        return new InboundNotification(method, host, path, rawQuery, decoded(rawQuery), headerLists);
    }

    private static Map<String, List<String>> decoded(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            try {
                query.computeIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                        .add(nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException brokenEscape) {
                query.put(pair, List.of());
            }
        }
        return query;
    }

    private static void assertRefused(DinteroPaymentGateway gateway, InboundNotification callback, String reason) {
        assertThatThrownBy(() -> gateway.authenticateNotification(callback))
                .isInstanceOf(UnauthenticNotificationException.class)
                .message().contains(reason).doesNotContain(SECRET);
    }
}
