package dev.orderpay.application.port.out;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DeliveryLog} in a map of delivery to when it was first handled, for use-case tests. */
public class InMemoryDeliveryLog implements DeliveryLog {

    private final Map<String, Instant> handled = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryDeliveryLog() {
        this(Clock.systemUTC());
    }

    public InMemoryDeliveryLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean contains(String deliveryId) {
        return handled.containsKey(deliveryId);
    }

    @Override
    public void record(String deliveryId) {
        handled.putIfAbsent(deliveryId, clock.instant());
    }

    @Override
    public int forgetHandledBefore(Instant cutoff, int limit) {
        int forgotten = 0;
        for (Iterator<Instant> times = handled.values().iterator(); times.hasNext() && forgotten < limit; ) {
            if (times.next().isBefore(cutoff)) {
                times.remove();
                forgotten++;
            }
        }
        return forgotten;
    }
}
