package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.domain.PaymentSession;
import org.slf4j.MDC;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The fake provider, keeping every notification it was asked to authenticate, as the HTTP adapter built it, and the
 * log context's request id each checkout was opened in, and able to hold checkouts open, as a slow provider would.
 */
class RecordingPaymentGateway extends FakePaymentGateway {

    private final List<InboundNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<String> checkoutRequestIds = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch checkoutsReleased = new CountDownLatch(0);
    private volatile CountDownLatch checkoutEntered = new CountDownLatch(1);

    @Override
    public ProviderNotice authenticateNotification(InboundNotification notification) {
        notifications.add(notification);
        return super.authenticateNotification(notification);
    }

    InboundNotification lastNotification() {
        return notifications.get(notifications.size() - 1);
    }

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        checkoutRequestIds.add(String.valueOf(MDC.get("request_id")));
        checkoutEntered.countDown();
        try {
            if (!checkoutsReleased.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held checkout was never released");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return super.openCheckout(request);
    }

    /** The request id in the log context of each checkout opened, in order ("null" when there was none). */
    List<String> checkoutRequestIds() {
        return List.copyOf(checkoutRequestIds);
    }

    /** From now on checkouts wait in the provider until {@link #releaseCheckouts()}. */
    void holdCheckouts() {
        checkoutEntered = new CountDownLatch(1);
        checkoutsReleased = new CountDownLatch(1);
    }

    void awaitHeldCheckout() throws InterruptedException {
        if (!checkoutEntered.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no checkout reached the provider");
        }
    }

    void releaseCheckouts() {
        checkoutsReleased.countDown();
    }
}
