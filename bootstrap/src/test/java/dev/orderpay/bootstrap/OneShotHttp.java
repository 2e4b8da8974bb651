package dev.orderpay.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 request on a connection of its own ({@code Connection: close}), sent over a plain socket so that the
 * test sees exactly where it failed: a connection refused (nothing listens any more; the request never left the
 * client) is told apart from a connection that was made and then reset or closed before its answer was complete
 * (a request cut). An HTTP client library would blur the two, retrying or reporting both as an I/O error.
 */
final class OneShotHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    /** How one request ended. */
    sealed interface Outcome permits Answered, Refused, Cut {
    }

    /** A complete answer: its status line, headers and as many body bytes as it announced. */
    record Answered(int status, String body) implements Outcome {
        @Override
        public String toString() {
            return "Answered[" + status + ", " + body.length() + " characters]";
        }
    }

    /** {@code connect} failed: nothing listened on the port. */
    record Refused(String error) implements Outcome {
    }

    /** The connection was accepted, then ended before a complete answer. */
    record Cut(String error, int bytesReceived) implements Outcome {
    }

    /**
     * One request as a client saw it: when it began connecting, when the connection was made (null if refused),
     * when it ended, and how.
     */
    record Exchange(String request, Instant sentAt, Instant connectedAt, Instant endedAt, Outcome outcome) {
    }

    private OneShotHttp() {
    }

    static Exchange get(int port, String path, String apiKey) {
        return send(port, "GET " + path, "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Connection: close\r\n\r\n");
    }

    static Exchange postJson(int port, String path, String apiKey, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(port, "POST " + path, "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n" + json);
    }

    private static Exchange send(int port, String request, String message) {
        // Ready before connecting, so the request follows the connection at once.
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        Instant sentAt = Instant.now();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            } catch (ConnectException refused) {
                return new Exchange(request, sentAt, null, Instant.now(), new Refused(refused.getMessage()));
            }
            Instant connectedAt = Instant.now();
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
                InputStream in = socket.getInputStream();
                in.transferTo(received);
            } catch (IOException cut) {
                return new Exchange(request, sentAt, connectedAt, Instant.now(),
                        new Cut(cut.toString(), received.size()));
            }
            return new Exchange(request, sentAt, connectedAt, Instant.now(), read(received.toByteArray()));
        } catch (IOException unexpected) {
            return new Exchange(request, sentAt, null, Instant.now(), new Cut(unexpected.toString(), 0));
        }
    }

    /** The answer, if the bytes up to the end of the stream make a complete one. */
    private static Outcome read(byte[] received) {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headersEnd < 0) {
            return new Cut("ended without a complete status line and headers", received.length);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String headers = text.substring(0, headersEnd).toLowerCase(Locale.ROOT);
        byte[] body = Arrays.copyOfRange(received, headersEnd + 4, received.length);
        int lengthAt = headers.indexOf("\r\ncontent-length:");
        if (lengthAt >= 0) {
            int valueEnd = headers.indexOf("\r\n", lengthAt + 2);
            int announced = Integer.parseInt(headers.substring(lengthAt + "\r\ncontent-length:".length(),
                    valueEnd < 0 ? headers.length() : valueEnd).trim());
            if (body.length != announced) {
                return new Cut("a body of " + body.length + " of the " + announced + " bytes announced",
                        received.length);
            }
        } else if (headers.contains("\r\ntransfer-encoding: chunked")
                && !new String(body, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
            return new Cut("a chunked body without its last chunk", received.length);
        }
        return new Answered(status, new String(body, StandardCharsets.UTF_8));
    }
}
