package dev.orderpay.adapter.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves on by a little over a second each time it is read, so orders created one after the other
 * are ordered by time, with sub-millisecond digits that a cursor must keep.
 */
class TickingClock extends Clock {

    private static final Duration TICK = Duration.ofSeconds(1).plusNanos(123_456);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-08T13:24:40.818000Z"));

    @Override
    public Instant instant() {
        return now.getAndUpdate(current -> current.plus(TICK));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the use cases need no other zone");
    }
}
