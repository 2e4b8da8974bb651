package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.OrderContents;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@link PaymentGateway} on Dintero Checkout: sessions from a checkout profile, payments read and operated on as
 * transactions, notifications as Dintero's (optionally signed) callbacks.
 */
@Singleton
@Requires(property = "payments.provider", value = "dintero", defaultValue = "dintero")
final class DinteroPaymentGateway implements PaymentGateway {

    private static final Logger LOG = LoggerFactory.getLogger(DinteroPaymentGateway.class);

    private final DinteroCheckoutClient checkout;
    private final DinteroAccessTokens tokens;
    private final DinteroCallbacks callbacks;
    private final DinteroConfiguration configuration;
    /** Every order's notification URL shares one base, so one log line speaks for all of them. */
    private final AtomicBoolean uncallableNotificationUrlLogged = new AtomicBoolean();

    DinteroPaymentGateway(DinteroCheckoutClient checkout, DinteroAccessTokens tokens, DinteroCallbacks callbacks,
                          DinteroConfiguration configuration) {
        this.checkout = checkout;
        this.tokens = tokens;
        this.callbacks = callbacks;
        this.configuration = configuration;
    }

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        String action = "opening a Dintero checkout for order " + request.orderId();
        OrderContents contents = request.contents();
        DinteroSessionRequest session = new DinteroSessionRequest(
                new DinteroSessionRequest.Urls(request.returnUrl().toString(), callbackUrl(request.notificationUrl())),
                DinteroContentsMapper.customer(contents),
                new DinteroSessionRequest.Order(int32(action, request.amount()), request.amount().currencyCode(),
                        request.orderId().toString(), DinteroContentsMapper.items(contents),
                        DinteroContentsMapper.shippingAddress(contents),
                        DinteroContentsMapper.billingAddress(contents)),
                configuration.profileId(),
                // Whole seconds: the plainest RFC 3339 form, and a checkout deadline needs no finer grain.
                DateTimeFormatter.ISO_INSTANT.format(request.expiresAt().truncatedTo(ChronoUnit.SECONDS)));

        DinteroSessionCreated created = DinteroResponses.bodyOf(action,
                () -> tokens.withToken(bearer -> checkout.createSession(bearer, session)),
                DinteroContentsMapper.personalValues(contents));
        Optional<SessionId> sessionId = DinteroIds.sessionId(created.id());
        if (sessionId.isEmpty() || created.url() == null) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, action + ": Dintero's answer lacks the session id or url");
        }
        try {
            return new PaymentSession(sessionId.get(), URI.create(created.url()));
        } catch (IllegalArgumentException malformedUrl) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, action + ": Dintero's session url is malformed");
        }
    }

    @Override
    public ProviderPayment fetchPayment(PaymentId paymentId) {
        String action = "fetching Dintero transaction " + paymentId;
        return payment(action, call(action, bearer -> checkout.getTransaction(bearer, paymentId.value())));
    }

    @Override
    public OperationOutcome capture(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                   String reference) {
        String action = "capturing " + amount + " of Dintero transaction " + paymentId;
        DinteroCaptureRequest capture = new DinteroCaptureRequest(int32(action, amount), reference,
                DinteroOperationItem.of(lines));
        return operation(action, bearer -> checkout.capture(bearer, paymentId.value(), capture));
    }

    @Override
    public OperationOutcome refund(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                  Optional<String> reason, String reference) {
        String action = "refunding " + amount + " of Dintero transaction " + paymentId;
        DinteroRefundRequest refund = new DinteroRefundRequest(int32(action, amount), reason.orElse(null), reference,
                DinteroOperationItem.of(lines));
        return operation(action, bearer -> checkout.refund(bearer, paymentId.value(), refund));
    }

    @Override
    public OperationOutcome voidAuthorization(PaymentId paymentId) {
        String action = "voiding Dintero transaction " + paymentId;
        return operation(action, bearer -> checkout.voidAuthorization(bearer, paymentId.value()));
    }

    @Override
    public void cancelCheckout(SessionId sessionId) {
        String action = "cancelling Dintero session " + sessionId;
        DinteroResponses.answerOf(action,
                () -> tokens.withToken(bearer -> checkout.cancelSession(bearer, sessionId.value())));
    }

    @Override
    public CheckoutStatus fetchCheckout(SessionId sessionId) {
        String action = "fetching Dintero session " + sessionId;
        return DinteroSessionMapper.toCheckoutStatus(
                call(action, bearer -> checkout.getSession(bearer, sessionId.value())));
    }

    /**
     * Reads Dintero's callback: {@code transaction_id} (absent when it reports an error), {@code error} as on the
     * buyer's return, and {@code event_id} for a capture, refund or void; the {@code event-delivery} header names
     * the delivery, the same on each of Dintero's retries.
     */
    @Override
    public ProviderNotice authenticateNotification(InboundNotification notification) {
        Map<String, List<String>> parameters = callbacks.authenticate(notification);
        BuyerReturn claims = readBuyerReturn(parameters);
        return new ProviderNotice(notification.header("event-delivery").filter(id -> !id.isBlank()),
                claims.paymentId(), claims.failureHint(), first(parameters, "event_id"));
    }

    /**
     * Dintero appends {@code transaction_id} once a payment was completed and {@code error} when it was not:
     * {@code cancelled} by the buyer, or {@code authorization}, {@code failed} (and the legacy {@code capture}).
     * A {@code transaction_id} that cannot be a Dintero id names no payment.
     */
    @Override
    public BuyerReturn readBuyerReturn(Map<String, List<String>> parameters) {
        Optional<PaymentId> transactionId = first(parameters, "transaction_id").flatMap(DinteroIds::paymentId);
        Optional<CheckoutEnding> failureHint = first(parameters, "error")
                .map(error -> error.equals("cancelled") ? CheckoutEnding.CANCELLED : CheckoutEnding.FAILED);
        return new BuyerReturn(transactionId, failureHint);
    }

    private String callbackUrl(URI notificationUrl) {
        Optional<String> callbackUrl = DinteroCallbackUrl.of(notificationUrl);
        if (callbackUrl.isEmpty() && uncallableNotificationUrlLogged.compareAndSet(false, true)) {
            LOG.info("Dintero calls back only to public HTTPS addresses, not to {}: checkouts are opened without "
                    + "a callback_url, and reconciliation settles their orders", notificationUrl);
        }
        return callbackUrl.orElse(null);
    }

    private <T> T call(String action, Function<String, HttpResponse<T>> request) {
        return DinteroResponses.bodyOf(action, () -> tokens.withToken(request));
    }

    /**
     * Sends a capture, refund or void once (see {@link DinteroCheckoutClient}); only a 401 sends it again, with a
     * new token, since Dintero refused the token before looking at the operation. Dintero answers 202 when it will
     * carry the operation out later, and 200 with the transaction as it now stands when it is done.
     */
    private OperationOutcome operation(String action, Function<String, HttpResponse<DinteroTransaction>> request) {
        HttpResponse<DinteroTransaction> answer = DinteroResponses.answerOf(action, () -> tokens.withToken(request));
        if (answer.code() == HttpStatus.ACCEPTED.getCode()) {
            return new OperationOutcome.Accepted();
        }
        DinteroTransaction transaction = answer.getBody()
                .orElseThrow(() -> DinteroResponses.unreadable(action, answer.code(), null));
        return new OperationOutcome.Completed(payment(action, transaction));
    }

    private static ProviderPayment payment(String action, DinteroTransaction transaction) {
        if (DinteroIds.paymentId(transaction.id()).isEmpty()) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, action + ": Dintero's answer lacks the transaction id");
        }
        return DinteroTransactionMapper.toProviderPayment(transaction);
    }

    /** Dintero defines every amount as a 32-bit integer of minor units. */
    private static int int32(String action, Money amount) {
        if (amount.minorUnits() > Integer.MAX_VALUE) {
            throw new PaymentProviderException(Kind.REJECTED,
                    action + ": " + amount + " is more than Dintero accepts in one payment");
        }
        return (int) amount.minorUnits();
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name))
                .flatMap(values -> values.stream().filter(value -> value != null && !value.isBlank()).findFirst());
    }
}
