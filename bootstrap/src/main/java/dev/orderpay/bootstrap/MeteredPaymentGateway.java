package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every call to whichever provider is configured ({@code orderpay_provider_calls}), tagged with the provider,
 * the operation and how it ended: {@code ok}, or the {@link PaymentProviderException.Kind} in lower case, and tells
 * {@link RecentProviderCalls} how the last one ended, for the health check. Reading the buyer's return and checking a
 * notification's signature are local work, not calls, and are passed through.
 */
final class MeteredPaymentGateway implements PaymentGateway {

    static final String CALLS = "orderpay.provider.calls";
    /** Buckets from a fast API answer to the longest a read timeout lets a call take. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PaymentGateway provider;
    private final String providerName;
    private final MeterRegistry registry;
    private final RecentProviderCalls recentCalls;

    MeteredPaymentGateway(PaymentGateway provider, String providerName, MeterRegistry registry,
                          RecentProviderCalls recentCalls) {
        this.provider = provider;
        this.providerName = providerName;
        this.registry = registry;
        this.recentCalls = recentCalls;
    }

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        return timed("open_checkout", () -> provider.openCheckout(request));
    }

    @Override
    public ProviderPayment fetchPayment(PaymentId paymentId) {
        return timed("fetch_payment", () -> provider.fetchPayment(paymentId));
    }

    @Override
    public OperationOutcome capture(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                   String reference) {
        return timed("capture", () -> provider.capture(paymentId, amount, lines, reference));
    }

    @Override
    public OperationOutcome refund(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                  Optional<String> reason, String reference) {
        return timed("refund", () -> provider.refund(paymentId, amount, lines, reason, reference));
    }

    @Override
    public OperationOutcome voidAuthorization(PaymentId paymentId) {
        return timed("void_authorization", () -> provider.voidAuthorization(paymentId));
    }

    @Override
    public void cancelCheckout(SessionId sessionId) {
        timed("cancel_checkout", () -> {
            provider.cancelCheckout(sessionId);
            return null;
        });
    }

    @Override
    public CheckoutStatus fetchCheckout(SessionId sessionId) {
        return timed("fetch_checkout", () -> provider.fetchCheckout(sessionId));
    }

    @Override
    public BuyerReturn readBuyerReturn(Map<String, List<String>> parameters) {
        return provider.readBuyerReturn(parameters);
    }

    @Override
    public ProviderNotice authenticateNotification(InboundNotification notification) {
        return provider.authenticateNotification(notification);
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (PaymentProviderException failure) {
            outcome = failure.kind().name().toLowerCase(Locale.ROOT);
            throw failure;
        } finally {
            Timer.builder(CALLS)
                    .description("Calls to the payment provider")
                    .tags("provider", providerName, "operation", operation, "outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
            recentCalls.ended(operation, outcome);
        }
    }
}
