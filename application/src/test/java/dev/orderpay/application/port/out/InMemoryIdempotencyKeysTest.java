package dev.orderpay.application.port.out;

import java.time.Clock;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected IdempotencyKeys emptyKeys() {
        return new InMemoryIdempotencyKeys(Clock.systemUTC());
    }
}
