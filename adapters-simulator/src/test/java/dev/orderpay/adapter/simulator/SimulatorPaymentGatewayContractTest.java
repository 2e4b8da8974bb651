package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentGatewayContract;
import dev.orderpay.domain.PaymentSession;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator keeps every promise a provider's adapter makes. The buyer uses the real hosted page over HTTP, so
 * the return parameters are those of the simulator's own redirect; the notification is the signed request the
 * simulator would send to the checkout's notification URL (which, being the contract's, is never reached).
 */
@MicronautTest
@Property(name = "payments.provider", value = "simulator")
@Property(name = "orderpay.public-url", value = "https://shop.example.test")
class SimulatorPaymentGatewayContractTest extends PaymentGatewayContract {

    @Inject
    PaymentGateway gateway;

    @Inject
    SimulatedProvider simulated;

    @Inject
    SimulatorNotifications notifications;

    @Inject
    EmbeddedServer server;

    private final ProviderDouble buyer = new SimulatorBuyer();

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected ProviderDouble provider() {
        return buyer;
    }

    private final class SimulatorBuyer implements ProviderDouble {

        private final HttpClient browser = HttpClient.newHttpClient();

        @Override
        public Map<String, List<String>> buyerPays(PaymentSession session, CheckoutRequest request) {
            return choose(session, "pay");
        }

        @Override
        public Map<String, List<String>> buyerCancels(PaymentSession session) {
            return choose(session, "cancel");
        }

        @Override
        public InboundNotification paymentNotification(PaymentSession session, CheckoutRequest request) {
            return asReceived(notificationOf(session));
        }

        @Override
        public InboundNotification forgedPaymentNotification(PaymentSession session, CheckoutRequest request) {
            InboundNotification genuine = asReceived(notificationOf(session));
            Map<String, List<String>> headers = new HashMap<>(genuine.headers());
            headers.put("simulator-signature", List.of(signedWithAnotherKey(genuine)));
            return new InboundNotification(genuine.method(), genuine.host(), genuine.path(), genuine.rawQuery(),
                    genuine.query(), headers);
        }

        /** Submits one of the page's forms and reads the parameters off the redirect, as the browser follows it. */
        private Map<String, List<String>> choose(PaymentSession session, String choice) {
            URI form = server.getURI().resolve(session.link().getRawPath() + "/" + choice);
            HttpResponse<String> answer;
            try {
                answer = browser.send(java.net.http.HttpRequest.newBuilder(form)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            if (answer.statusCode() != 303) {
                throw new AssertionError("the checkout answered " + answer.statusCode() + " to " + choice);
            }
            return new QueryStringDecoder(URI.create(answer.headers().firstValue("Location").orElseThrow()))
                    .parameters();
        }

        private HttpRequest<?> notificationOf(PaymentSession session) {
            SimulatedProvider.Checkout paid = simulated.checkout(session.id()).orElseThrow();
            return notifications.signed(paid.notificationUrl(), ReturnParameters.of(paid));
        }
    }

    /** The request as the service's notification route would hand it on. */
    private static InboundNotification asReceived(HttpRequest<?> sent) {
        URI uri = sent.getUri();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new InboundNotification(sent.getMethodName(), uri.getHost(), uri.getRawPath(), rawQuery,
                new QueryStringDecoder(uri).parameters(), sent.getHeaders().asMap());
    }

    /** What a forger who knows the scheme but not the simulator's key would send. */
    private static String signedWithAnotherKey(InboundNotification notification) {
        String text = SimulatorNotifications.signedText(notification.path(), notification.rawQuery());
        return HexFormat.of().formatHex(
                HmacSha256.of("not-the-simulators-key".getBytes(StandardCharsets.UTF_8), text));
    }
}
