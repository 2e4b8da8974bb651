package dev.orderpay.application.port.in.confirmation;

public interface HandleNotificationUseCase {

    /**
     * Learns the true state of the payment a provider's notification points at and applies it. Safe to repeat.
     *
     * @throws dev.orderpay.application.port.out.UnauthenticNotificationException if the notification cannot be
     *                                                                            shown to come from the provider
     */
    NotificationOutcome handleNotification(NotificationCommand command);
}
