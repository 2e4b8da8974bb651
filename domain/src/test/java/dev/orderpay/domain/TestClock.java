package dev.orderpay.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test sets and moves by hand, in UTC; safe to read from several threads. A ticking clock also moves
 * on by a fixed step after every reading, so things stamped one after the other get distinct, ordered times.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final Duration tick;

    private TestClock(Instant start, Duration tick) {
        this.now = new AtomicReference<>(start);
        this.tick = tick;
    }

    /** A clock that reads {@code instant} until the test moves it. */
    public static TestClock standingAt(Instant instant) {
        return new TestClock(instant, Duration.ZERO);
    }

    /** A clock that reads {@code start} first and moves on by {@code tick} with every reading. */
    public static TestClock tickingFrom(Instant start, Duration tick) {
        return new TestClock(start, tick);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(current -> current.plus(tick));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the code under test reads instants only");
    }
}
