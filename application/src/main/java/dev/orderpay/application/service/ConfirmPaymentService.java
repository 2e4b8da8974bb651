package dev.orderpay.application.service;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation.Verdict;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.service.PaymentVerifier.CheckoutClaim;
import dev.orderpay.application.service.PaymentVerifier.PaymentClaim;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.Provenance;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Turns a buyer's return into the order's true status. The return's parameters only point: a payment is fetched
 * from the provider and must belong to the order, and a reported failure is checked against the provider's view
 * of the checkout before it is recorded. If the provider cannot be asked, the order waits for the notification or
 * reconciliation rather than the buyer seeing an error.
 */
public final class ConfirmPaymentService implements ConfirmPaymentUseCase {

    private static final Logger LOG = Logger.getLogger(ConfirmPaymentService.class.getName());

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final PaymentVerifier verifier;

    ConfirmPaymentService(OrderRepository orders, PaymentGateway gateway, Clock clock,
                          PaymentVerifier verifier) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.verifier = verifier;
    }

    @Override
    public PaymentConfirmation confirmPayment(ConfirmPaymentCommand command) {
        Order order = orders.findById(command.orderId()).orElseThrow(() -> new OrderNotFoundException(command.orderId()));
        BuyerReturn buyerReturn = gateway.readBuyerReturn(command.returnParameters());
        try {
            if (buyerReturn.paymentId().isPresent()) {
                PaymentId paymentId = buyerReturn.paymentId().get();
                PaymentVerifier.Verdict verdict = verifier.confirm(order,
                        new PaymentClaim(paymentId, paymentId.value()), ChangeSource.REDIRECT);
                return new PaymentConfirmation(verdict.order(), verdict.mismatch() ? Verdict.MISMATCH : Verdict.VERIFIED);
            }
            if (buyerReturn.failureHint().isPresent()) {
                return confirmFailure(order, buyerReturn.failureHint().get());
            }
            return new PaymentConfirmation(order, Verdict.NOTHING_TO_CONFIRM);
        } catch (PaymentProviderException unreachable) {
            OrderLogRecord.warning(LOG, order.id(), () -> "could not confirm the return for order " + order.id()
                    + " with the provider (" + unreachable.kind()
                    + "); leaving it to the notification or reconciliation");
            return new PaymentConfirmation(order, Verdict.AWAITING_PROVIDER);
        } catch (ConcurrentOrderUpdateException contended) {
            // The notification or another return is settling the order right now; the buyer is shown where it is.
            return new PaymentConfirmation(orders.findById(order.id()).orElse(order), Verdict.AWAITING_PROVIDER);
        }
    }

    private PaymentConfirmation confirmFailure(Order order, CheckoutEnding hinted) {
        if (!order.awaitsCheckoutOutcome()) {
            return new PaymentConfirmation(order, Verdict.FAILURE_REPORTED);
        }
        PaymentVerifier.Verdict verdict;
        try {
            verdict = verifier.confirm(order, new CheckoutClaim(false), ChangeSource.REDIRECT);
        } catch (PaymentProviderException unreachable) {
            // The provider cannot tell; the hint is recorded. A payment the provider proves later still wins.
            Provenance hint = Provenance.unreferenced(ChangeSource.REDIRECT, clock.instant());
            return new PaymentConfirmation(verifier.settleWithoutPayment(order, hinted, hint),
                    Verdict.FAILURE_REPORTED);
        }
        if (verdict.mismatch()) {
            return new PaymentConfirmation(verdict.order(), Verdict.MISMATCH);
        }
        return new PaymentConfirmation(verdict.order(),
                verdict.order().status().holdsPayment() ? Verdict.VERIFIED : Verdict.FAILURE_REPORTED);
    }
}
