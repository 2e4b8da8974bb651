package dev.orderpay.application.port.out;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DeliveryLog} in a set, for use-case tests. */
public class InMemoryDeliveryLog implements DeliveryLog {

    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    @Override
    public boolean contains(String deliveryId) {
        return handled.contains(deliveryId);
    }

    @Override
    public void record(String deliveryId) {
        handled.add(deliveryId);
    }
}
