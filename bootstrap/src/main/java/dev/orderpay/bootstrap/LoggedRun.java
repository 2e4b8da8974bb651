package dev.orderpay.bootstrap;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;

import java.util.Map;
import java.util.UUID;

/**
 * One run of a scheduled job as the log sees it: a new id in the log context ({@code run_id}) for as long as the run
 * lasts, carried by Micronaut's context propagation to the threads the run hands work to, so that the lines of one
 * run can be found together.
 */
final class LoggedRun {

    static final String RUN_ID = "run_id";

    private LoggedRun() {
    }

    /** Opens the run's log context on this thread; close it when the run ends. */
    static PropagatedContext.Scope begin() {
        return context().propagate();
    }

    /** The run's log context, not yet opened, for a run that carries more in its context ({@link RunTraces}). */
    static PropagatedContext context() {
        return PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(RUN_ID, UUID.randomUUID().toString())));
    }
}
