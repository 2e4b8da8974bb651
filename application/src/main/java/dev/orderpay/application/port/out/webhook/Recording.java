package dev.orderpay.application.port.out.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What recording an attempt came to. */
public sealed interface Recording {

    /**
     * Recorded with its delivery's new state.
     *
     * @param endpointFailingSince when the endpoint's current run of failed attempts began (the first failure since
     *                             its last success, or since it was last changed); empty after a success
     */
    record Recorded(Optional<Instant> endpointFailingSince) implements Recording {
        public Recorded {
            Objects.requireNonNull(endpointFailingSince, "endpointFailingSince");
        }
    }

    /** Nothing was recorded: the delivery is gone, or no longer pending (someone else recorded its outcome). */
    record NotPending() implements Recording {
    }
}
