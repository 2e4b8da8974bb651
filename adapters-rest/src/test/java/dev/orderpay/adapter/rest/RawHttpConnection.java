package dev.orderpay.adapter.rest;

import io.micronaut.runtime.server.EmbeddedServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A connection to the server under test on which the test writes bytes as it likes, including the half requests no
 * HTTP client would send. Every read is bounded.
 */
final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawHttpConnection to(EmbeddedServer server) throws IOException {
        return new RawHttpConnection(new Socket(server.getHost(), server.getPort()));
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One response with a Content-Length body; the status line's code and the body. */
    Response readResponse(Duration bound) throws IOException {
        socket.setSoTimeout(Math.toIntExact(bound.toMillis()));
        String head = readHead();
        int status = Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
        byte[] body = in.readNBytes(contentLength(head));
        return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * How long after this call the server closed the connection (end of stream or a reset), failing if it was still
     * open after the bound. Anything the server sends meanwhile is skipped.
     */
    Duration timeUntilClosed(Duration bound) throws IOException {
        long start = System.nanoTime();
        long end = start + bound.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the connection was still open after " + bound);
                }
                socket.setSoTimeout(Math.max(1, Math.toIntExact(Duration.ofNanos(left).toMillis())));
                if (in.read() == -1) {
                    break;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection was still open after " + bound, stillOpen);
        } catch (SocketException reset) {
            // a reset closes the connection as surely as an end of stream
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Whether the connection was still open, with nothing sent by the server, for the whole time given. */
    boolean staysOpenFor(Duration time) throws IOException {
        socket.setSoTimeout(Math.toIntExact(time.toMillis()));
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (SocketException reset) {
            return false;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next == -1) {
                throw new IOException("the connection closed before a whole response head came: " + head);
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("no Content-Length in " + head);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, String head, String body) {
    }
}
