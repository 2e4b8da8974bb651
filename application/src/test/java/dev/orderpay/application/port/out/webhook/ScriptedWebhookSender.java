package dev.orderpay.application.port.out.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link WebhookSender} for use-case tests: it keeps every request, and answers each URL from its script in turn
 * ({@code 200} once the script is used up, or when there is none).
 */
public class ScriptedWebhookSender implements WebhookSender {

    public static final Duration LATENCY = Duration.ofMillis(42);

    private final Map<URI, Deque<WebhookResponse>> scripts = new HashMap<>();
    private final List<WebhookRequest> sent = new ArrayList<>();

    public static WebhookResponse answering(int status) {
        return new WebhookResponse.Answered(status, LATENCY, Optional.empty(), "status " + status);
    }

    public static WebhookResponse answering(int status, Duration retryAfter) {
        return new WebhookResponse.Answered(status, LATENCY, Optional.of(retryAfter), "status " + status);
    }

    public static WebhookResponse unreachable() {
        return new WebhookResponse.NotAnswered("could not connect: Connection refused", LATENCY);
    }

    /** The next calls to {@code url} get these answers, one each, in this order. */
    public synchronized ScriptedWebhookSender answer(URI url, WebhookResponse... responses) {
        scripts.computeIfAbsent(url, any -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    @Override
    public synchronized WebhookResponse send(WebhookRequest request) {
        sent.add(request);
        Deque<WebhookResponse> script = scripts.get(request.url());
        return script == null || script.isEmpty() ? answering(200) : script.removeFirst();
    }

    public synchronized List<WebhookRequest> sent() {
        return List.copyOf(sent);
    }
}
