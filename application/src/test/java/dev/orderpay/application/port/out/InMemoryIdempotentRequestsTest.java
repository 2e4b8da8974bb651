package dev.orderpay.application.port.out;

import java.time.Clock;

class InMemoryIdempotentRequestsTest extends IdempotentRequestsContract {

    @Override
    protected IdempotentRequests emptyRequests() {
        return new InMemoryIdempotentRequests(Clock.systemUTC());
    }
}
