package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A payment provider with a hosted checkout. Implementations translate between these provider-neutral types
 * and the provider's API; no provider type crosses this port.
 */
public interface PaymentGateway {

    /**
     * Opens a hosted checkout for an order.
     *
     * @throws PaymentProviderException if the provider refused or could not be reached
     */
    PaymentSession openCheckout(CheckoutRequest request);

    /**
     * Asks the provider for a payment's current state.
     *
     * @throws PaymentProviderException with {@link PaymentProviderException.Kind#NOT_FOUND} if the provider
     *                                  knows no such payment, or another kind if it could not be asked
     */
    ProviderPayment fetchPayment(PaymentId paymentId);

    /**
     * Captures part or all of an authorized payment.
     *
     * @param lines     what the capture takes of each of the order's lines, adding up to {@code amount}; none when
     *                  it is by amount alone
     * @param reference this service's id for the operation, kept by the provider with it
     * @throws PaymentProviderException if the provider refused (REJECTED), or could not be asked or did not answer
     *                                  in time, in which case the capture may or may not have happened
     */
    OperationOutcome capture(PaymentId paymentId, Money amount, List<LineMovement> lines, String reference);

    /**
     * Refunds part or all of the captured money.
     *
     * @param lines what the refund gives back of each line, as for {@link #capture}
     * @throws PaymentProviderException as for {@link #capture}
     */
    OperationOutcome refund(PaymentId paymentId, Money amount, List<LineMovement> lines, Optional<String> reason,
                            String reference);

    /**
     * Releases an authorization nothing was captured from.
     *
     * @throws PaymentProviderException as for {@link #capture}
     */
    OperationOutcome voidAuthorization(PaymentId paymentId);

    /**
     * Closes a checkout nobody has paid, so nobody can.
     *
     * @throws PaymentProviderException if the provider refused or could not be asked
     */
    void cancelCheckout(SessionId sessionId);

    /**
     * Asks the provider how a checkout stands: paid, ended without payment, or still open.
     *
     * @throws PaymentProviderException if the provider could not be asked
     */
    CheckoutStatus fetchCheckout(SessionId sessionId);

    /** Reads the parameters the provider put on the buyer's return; pure parsing, nothing is trusted or fetched. */
    BuyerReturn readBuyerReturn(Map<String, List<String>> parameters);

    /**
     * Checks that a notification comes from the provider and reads what it claims; nothing is fetched.
     *
     * @throws UnauthenticNotificationException if the provider's proof of origin is missing or wrong
     */
    ProviderNotice authenticateNotification(InboundNotification notification);
}
