package dev.orderpay.application.port.out;

/** The provider's notification deliveries already handled, so a retried delivery is recognised. */
public interface DeliveryLog {

    boolean contains(String deliveryId);

    /** Remembers a handled delivery; recording one twice is harmless. */
    void record(String deliveryId);
}
