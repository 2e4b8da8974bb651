package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhooks a WireMock receiver got on one path: waiting for them, and when they came. */
final class ReceivedWebhooks {

    private ReceivedWebhooks() {
    }

    /** Waits until the receiver has at least {@code count} on the path, failing after {@code patience}. */
    static List<LoggedRequest> awaitAtLeast(WireMockExtension receiver, String path, int count, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (received.size() >= count) {
                return received;
            }
            assertThat(System.nanoTime()).as("%d webhooks received on %s", count, path).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** From the first of them to arrive to the last. */
    static Duration spread(List<LoggedRequest> received) {
        Instant first = received.stream().map(LoggedRequest::getLoggedDate).min(Comparator.naturalOrder())
                .orElseThrow().toInstant();
        Instant last = received.stream().map(LoggedRequest::getLoggedDate).max(Comparator.naturalOrder())
                .orElseThrow().toInstant();
        return Duration.between(first, last);
    }

    /** How many different events they carried. */
    static long distinctEvents(List<LoggedRequest> received) {
        return received.stream().map(request -> request.getHeader("Orderpay-Event-Id")).distinct().count();
    }
}
