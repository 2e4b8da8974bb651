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
 * these, never a request's. On shutdown, calls under way get a few seconds to end; any still running then is
 * interrupted and recorded as nothing, and its delivery is sent again once its claim runs out (at least once).
 */
@Singleton
class WebhookCallThreads implements Executor {

    private static final long GRACE_SECONDS = 5;

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
        threads.shutdown();
        if (!threads.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
