package dev.orderpay.adapter.webhooks;

import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpResponse;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The start of a receiver's answer, kept with the outcome. Reads at most {@value #MAX_BYTES} bytes and for at most
 * the time left, then closes the response, so a huge or endless body is never buffered and a slow one never holds
 * the caller past its timeout.
 */
final class ResponseExcerpt {

    static final int MAX_CHARS = 200;
    /** Enough bytes for {@value #MAX_CHARS} characters of UTF-8, however wide. */
    private static final int MAX_BYTES = MAX_CHARS * 4;

    private ResponseExcerpt() {
    }

    static String read(HttpResponse<?> response, Duration timeLeft) {
        if (!(response instanceof ByteBodyHttpResponse<?> raw)) {
            return "";
        }
        ByteArrayOutputStream start = new ByteArrayOutputStream(MAX_BYTES);
        try {
            if (!timeLeft.isNegative() && !timeLeft.isZero()) {
                Flux.from(raw.byteBody().toByteArrayPublisher())
                        .doOnNext(chunk -> start.write(chunk, 0, Math.min(chunk.length, MAX_BYTES - start.size())))
                        .takeUntil(chunk -> start.size() >= MAX_BYTES)
                        .take(timeLeft)
                        // a body cut short still leaves what had arrived: the status is what matters
                        .onErrorComplete()
                        .blockLast();
            }
        } finally {
            raw.close();
        }
        return shortened(new String(start.toByteArray(), StandardCharsets.UTF_8));
    }

    private static String shortened(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }
}
