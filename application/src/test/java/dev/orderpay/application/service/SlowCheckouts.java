package dev.orderpay.application.service;

import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.domain.PaymentSession;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds every checkout opening until released, as a slow provider would. */
final class SlowCheckouts extends FakePaymentGateway {

    final CountDownLatch opening = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        opening.countDown();
        try {
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the checkout");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return super.openCheckout(request);
    }
}
