package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, as a user runs it: {@code java -jar bootstrap/target/orderpay.jar} with no database
 * configured (so it starts its embedded PostgreSQL) and Dintero's base URLs pointing at a stub. Catches what the
 * in-process tests cannot, such as a dependency missing from the shaded jar.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of("target", "orderpay.jar");

    private final WireMockServer dintero = new WireMockServer(options().dynamicPort());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process service;
    private Path log;

    @BeforeEach
    void startDintero() {
        dintero.start();
        dintero.stubFor(post(urlEqualTo("/v1/accounts/T11223674/auth/token"))
                .willReturn(okJson("{\"access_token\":\"jar-token\",\"token_type\":\"Bearer\",\"expires_in\":14400}")));
        dintero.stubFor(post(urlEqualTo("/v1/sessions-profile"))
                .willReturn(okJson("{\"id\":\"T11223674.jar\",\"url\":\"https://checkout.example.test/v1/view/jar\"}")));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        dintero.stop();
    }

    @Test
    void given_the_packaged_jar_when_run_without_a_database_then_it_serves_orders() throws Exception {
        assertThat(JAR).as("run 'mvn package' first").exists();
        int port = freePort();
        Path work = Files.createDirectories(Path.of("target", "jar-run"));
        log = work.resolve("service.log");
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")).toAbsolutePath(),
                "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = command.environment();
        environment.remove("DATASOURCES_DEFAULT_URL");
        environment.put("ORDERPAY_EMBEDDED_DATA_DIR", work.resolve("data").toAbsolutePath().toString());
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("DINTERO_ACCOUNT_ID", "T11223674");
        environment.put("DINTERO_CLIENT_ID", "jar-client");
        environment.put("DINTERO_CLIENT_SECRET", "jar-secret");
        environment.put("DINTERO_API_URL", dintero.baseUrl());
        environment.put("DINTERO_CHECKOUT_URL", dintero.baseUrl());
        service = command.start();

        URI base = URI.create("http://127.0.0.1:" + port);
        awaitHealthy(base.resolve("/health"));

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/orders"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":29900,\"currency\":\"NOK\",\"receipt\":\"jar\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"PENDING\"").contains("https://checkout.example.test/v1/view/jar");
        dintero.verify(1, postRequestedFor(urlEqualTo("/v1/sessions-profile")));

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(base.resolve("/orders")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"receipt\":\"jar\"");
        assertThat(Files.readString(log)).contains("started an embedded PostgreSQL").doesNotContain("jar-secret");
    }

    private void awaitHealthy(URI health) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service exited early; see " + log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become healthy within 90 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
