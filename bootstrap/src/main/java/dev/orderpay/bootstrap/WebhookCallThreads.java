package dev.orderpay.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads webhook calls run on, one per call the delivery engine may run at once
 * ({@code orderpay.webhook.concurrency}), apart from the threads that serve the API: a slow receiver occupies one of
 * these, never a request's. On shutdown, {@link WebhookDeliveryJob} gives the calls under way the shutdown grace to
 * end; any still running when the context is destroyed is interrupted and recorded as nothing, and its delivery is
 * sent again, by another instance, once the job let go of its claim (at least once).
 */
@Singleton
class WebhookCallThreads implements Executor {

    // Long enough for an interrupted call to give up, short enough to keep the stop within the shutdown grace.
    private static final long INTERRUPTED_CALLS_SECONDS = 1;

    private final ExecutorService threads;

    WebhookCallThreads(@Value("${orderpay.webhook.concurrency}") int concurrency) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "webhook-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(concurrency, named);
    }

    @Override
    public void execute(Runnable call) {
        // The call logs within the log context (run or request id) of whoever started it.
        threads.execute(PropagatedContext.wrapCurrent(call));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(INTERRUPTED_CALLS_SECONDS, TimeUnit.SECONDS);
    }
}
