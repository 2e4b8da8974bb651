package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InboundNotification;
import dev.orderpay.application.port.out.ProviderNotice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fake provider, keeping every notification it was asked to authenticate, as the HTTP adapter built it. */
class RecordingPaymentGateway extends FakePaymentGateway {

    private final List<InboundNotification> notifications = new CopyOnWriteArrayList<>();

    @Override
    public ProviderNotice authenticateNotification(InboundNotification notification) {
        notifications.add(notification);
        return super.authenticateNotification(notification);
    }

    InboundNotification lastNotification() {
        return notifications.get(notifications.size() - 1);
    }
}
