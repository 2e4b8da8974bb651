package dev.orderpay.adapter.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port on loopback that accepts TCP connections, reads what comes and never answers, remembering when each
 * connection came and how many were open at once. It proves what an HTTP receiver (seeing only requests) cannot:
 * that a refused webhook did not even connect, and how many connections the sender opens.
 */
final class SilentPort implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Instant> connectedAt = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger spoken = new AtomicInteger();

    SilentPort() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptAll, "silent-port-acceptor");
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connectedAt.size();
    }

    List<Instant> connectedAt() {
        return List.copyOf(connectedAt);
    }

    /** How many connections carried anything (a request): a pool may open a connection and never use it. */
    int connectionsUsed() {
        return spoken.get();
    }

    /** The most connections that were open at the same time. */
    int mostOpenAtOnce() {
        return mostOpen.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connectedAt.add(Instant.now());
                connections.add(connection);
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                daemon(() -> readUntilClosed(connection), "silent-port-reader");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void readUntilClosed(Socket connection) {
        try (InputStream in = connection.getInputStream()) {
            if (in.read() >= 0) {
                spoken.incrementAndGet();
            }
            while (in.read() >= 0) {
                // swallow the request; never answer
            }
        } catch (IOException closed) {
            // the sender or close() ended it
        } finally {
            open.decrementAndGet();
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
