package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.contents.LineMovement;
import org.slf4j.MDC;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The fake provider, keeping every notification it was asked to authenticate, as the HTTP adapter built it, and the
 * log context's request id each checkout was opened in, and able to hold checkouts and captures, as a slow provider
 * would.
 */
class RecordingPaymentGateway extends FakePaymentGateway {

    private final List<InboundNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<String> checkoutRequestIds = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch checkoutsReleased = new CountDownLatch(0);
    private volatile CountDownLatch checkoutEntered = new CountDownLatch(1);
    private volatile CountDownLatch capturesReleased = new CountDownLatch(0);
    private volatile CountDownLatch captureEntered = new CountDownLatch(1);

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
        awaitRelease(checkoutsReleased, "checkout");
        return super.openCheckout(request);
    }

    @Override
    public OperationOutcome capture(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                   String reference) {
        captureEntered.countDown();
        awaitRelease(capturesReleased, "capture");
        return super.capture(paymentId, amount, lines, reference);
    }

    /** From now on captures wait in the provider until {@link #releaseCaptures()}. */
    void holdCaptures() {
        captureEntered = new CountDownLatch(1);
        capturesReleased = new CountDownLatch(1);
    }

    void awaitHeldCapture() throws InterruptedException {
        if (!captureEntered.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no capture reached the provider");
        }
    }

    void releaseCaptures() {
        capturesReleased.countDown();
    }

    private static void awaitRelease(CountDownLatch released, String what) {
        try {
            if (!released.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held " + what + " was never released");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
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
