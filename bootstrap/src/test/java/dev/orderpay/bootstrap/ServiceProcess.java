package dev.orderpay.bootstrap;

import dev.orderpay.adapter.persistence.PostgresTestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The packaged service, {@code java -jar target/orderpay.jar}, run as a separate process the way users run it. */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "orderpay.jar");
    /** The README's way to run the jar; the tests run in the bootstrap module's folder. */
    static final Path LAUNCHER = Path.of("..", "bin", "orderpay");

    private final Process process;
    private final Path output;
    private final Path errors;
    private final URI base;

    private ServiceProcess(Process process, Path output, Path errors, URI base) {
        this.process = process;
        this.output = output;
        this.errors = errors;
        this.base = base;
    }

    /** Starts the jar with these environment variables (and no inherited database URL) and waits until healthy. */
    static ServiceProcess start(Path workDirectory, Map<String, String> environment) throws Exception {
        return start(workDirectory, environment, temporaryFolder -> List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporaryFolder, "-jar", JAR.toAbsolutePath().toString()));
    }

    /**
     * Starts the jar as the README does, through {@code bin/orderpay}, on this JVM with these JVM options (which
     * replace the launcher's), and waits until healthy.
     */
    static ServiceProcess startWithLauncher(Path workDirectory, Map<String, String> environment, String javaOptions)
            throws Exception {
        Map<String, String> launcherEnvironment = new HashMap<>(environment);
        launcherEnvironment.put("ORDERPAY_JAR", JAR.toAbsolutePath().toString());
        launcherEnvironment.put("ORDERPAY_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return start(workDirectory, launcherEnvironment, temporaryFolder -> {
            launcherEnvironment.put("ORDERPAY_JAVA_OPTS", javaOptions + " -Djava.io.tmpdir=" + temporaryFolder);
            return List.of(LAUNCHER.toAbsolutePath().toString());
        });
    }

    private static ServiceProcess start(Path workDirectory, Map<String, String> environment,
                                        Function<Path, List<String>> commandLine) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run 'mvn package' first");
        }
        int port = freePort();
        Files.createDirectories(workDirectory);
        Path output = workDirectory.resolve("service-" + port + ".log");
        Path errors = workDirectory.resolve("service-" + port + ".err");
        Path temporaryFolder = Files.createDirectories(workDirectory.resolve("tmp")).toAbsolutePath();
        ProcessBuilder command = new ProcessBuilder(commandLine.apply(temporaryFolder))
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        command.environment().remove("DATASOURCES_DEFAULT_URL");
        command.environment().putAll(environment);
        command.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        ServiceProcess service = new ServiceProcess(command.start(), output, errors,
                URI.create("http://127.0.0.1:" + port));
        service.awaitHealthy();
        return service;
    }

    /** The environment that points the service at this JVM's test database, with the merchant's API key. */
    static Map<String, String> onTheTestDatabase() {
        Map<String, String> database = PostgresTestDatabase.datasourceProperties();
        Map<String, String> environment = new HashMap<>();
        environment.put("DATASOURCES_DEFAULT_URL", database.get("datasources.default.url"));
        environment.put("DATASOURCES_DEFAULT_USERNAME", database.get("datasources.default.username"));
        environment.put("DATASOURCES_DEFAULT_PASSWORD", database.get("datasources.default.password"));
        environment.put("ORDERPAY_API_KEYS", ServiceClient.API_KEY);
        return environment;
    }

    /**
     * {@link #onTheTestDatabase()} with the simulator, sending webhooks to the test's receiver on loopback and
     * looking for due ones every {@code pollInterval}.
     */
    static Map<String, String> withSimulatorAndWebhooks(String pollInterval) {
        Map<String, String> environment = onTheTestDatabase();
        environment.put("PAYMENTS_PROVIDER", "simulator");
        environment.put("ORDERPAY_WEBHOOK_ALLOW_PRIVATE", "true");
        environment.put("ORDERPAY_WEBHOOK_POLL_INTERVAL", pollInterval);
        return environment;
    }

    URI base() {
        return base;
    }

    /** Everything the service wrote: standard output, then standard error. */
    String log() throws IOException {
        return standardOutput() + Files.readString(errors);
    }

    String standardOutput() throws IOException {
        return Files.readString(output);
    }

    /** Stops the process at once, as a crash or {@code kill -9} would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops the process as a platform does, with SIGTERM ({@link Process#destroy()} on Linux), and waits up to
     * {@code patience} for it to exit.
     *
     * @return how long it took to exit
     * @throws AssertionError if it is still running after {@code patience}
     */
    Duration terminate(Duration patience) throws InterruptedException {
        long sent = System.nanoTime();
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service still runs " + patience.toSeconds() + " s after SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - sent);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited early:\n" + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become healthy within 90 s:\n" + log());
    }

    /** A port nothing listens on now, for the service or a receiver a test starts later. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
