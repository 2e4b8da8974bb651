package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code java -XX:AOTCacheOutput=orderpay.aot -jar orderpay.jar train}: the run the package step records the JVM's
 * ahead-of-time cache from ({@code bin/orderpay train}). The JVM keeps the classes this run loads and links, and the
 * profiles of the methods it runs, so a later start skips that work and compiles the hot paths sooner.
 * <p>
 * It starts the service as a user would on a fresh database (an embedded PostgreSQL in a temporary folder, the
 * payment simulator, a webhook endpoint) and drives it over HTTP through what merchants and buyers do most: creates
 * with and without lines, reads, listings, a buyer paying in the checkout and returning, captures, refunds,
 * cancellations, events. It fails (exit status 1) if the service does not answer as it should, so a broken build
 * never yields a cache.
 */
final class TrainingRun {

    static final String NAME = "train";
    /** Rounds of the workload; each is about fifteen requests. */
    static final String ROUNDS_VARIABLE = "ORDERPAY_TRAINING_ROUNDS";
    private static final int DEFAULT_ROUNDS = 400;
    private static final String API_KEY = "training-" + UUID.randomUUID();
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private TrainingRun() {
    }

    static int run(Map<String, String> environment, PrintStream err) {
        int rounds = Integer.parseInt(environment.getOrDefault(ROUNDS_VARIABLE, String.valueOf(DEFAULT_ROUNDS)));
        Path data = temporaryFolder();
        try (EmbeddedPostgres database = EmbeddedDatabase.start(data.resolve("postgres"));
             ApplicationContext context = ApplicationContext.builder(Application.class)
                     .properties(settings(database)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            // The buyer's browser is played step by step: the checkout's answer is a redirect to the return page.
            configuration.setFollowRedirects(false);
            try (HttpClient client = HttpClient.create(server.getURL(), configuration)) {
                new Workload(client.toBlocking(), server.getURL()).run(rounds);
            }
            err.println("training run: " + rounds + " rounds done");
            return 0;
        } catch (RuntimeException | IOException failure) {
            err.println("training run failed: " + failure);
            return 1;
        } finally {
            deleteRecursively(data);
        }
    }

    /** The service on the embedded database, with the simulator, on a free port, with webhooks to loopback allowed. */
    private static Map<String, Object> settings(EmbeddedPostgres database) throws IOException {
        int port = freePort();
        Map<String, Object> settings = new HashMap<>();
        settings.put(EmbeddedDatabase.URL_PROPERTY, database.getJdbcUrl("postgres", "postgres"));
        settings.put("datasources.default.username", "postgres");
        settings.put("datasources.default.password", "");
        settings.put(PaymentProviderSelection.PROPERTY, "simulator");
        settings.put(TracingSelection.PROPERTY, false);
        settings.put("micronaut.server.port", port);
        settings.put("orderpay.api-keys", API_KEY);
        settings.put("orderpay.webhook.allow-private", true);
        return settings;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("orderpay-training");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    /** What a merchant and its buyers do, round after round. */
    private record Workload(BlockingHttpClient http, URL base) {

        private static final Map<String, Object> CONTENTS = Map.of(
                "currency", "NOK",
                "receipt", "training",
                "items", List.of(
                        Map.of("line_id", "1", "description", "Coffee beans", "quantity", 1, "amount", 9900,
                                "vat", 25, "vat_amount", 1980, "sku", "CB-1"),
                        Map.of("line_id", "2", "description", "Filter papers", "quantity", 2, "amount", 5000,
                                "vat", 25, "vat_amount", 1000)),
                "customer", Map.of("email", "buyer@example.com", "phone_number", "+4791234567",
                        "first_name", "Kari", "last_name", "Nordmann"),
                "shipping_address", Map.of("address_line", "Storgata 1", "postal_code", "0155",
                        "postal_place", "Oslo", "country", "NO"),
                "metadata", Map.of("channel", "web"));

        void run(int rounds) {
            // An endpoint on the service itself, which answers 404: the deliveries are made, refused and rescheduled.
            String endpoint = string(merchant(HttpRequest.POST("/webhook-endpoints",
                    Map.of("url", base + "/training-webhooks", "description", "training run"))), "id");
            for (int round = 0; round < rounds; round++) {
                round(round);
            }
            expect(200, HttpRequest.GET("/health/readiness"));
            expectMerchant(200, HttpRequest.GET("/prometheus"));
            merchant(HttpRequest.GET("/events?limit=50"));
            expectMerchant(204, HttpRequest.DELETE("/webhook-endpoints/" + endpoint));
        }

        private void round(int round) {
            Map<String, Object> bare = merchant(HttpRequest.POST("/orders",
                    Map.of("amount", 29900 + round, "currency", "NOK", "receipt", "training " + round))
                    .header("Idempotency-Key", "training-" + round));
            Map<String, Object> withLines = merchant(HttpRequest.POST("/orders", CONTENTS));
            merchant(HttpRequest.GET("/orders/" + string(bare, "id")));
            merchant(HttpRequest.GET("/orders?limit=50"));
            merchant(HttpRequest.GET("/orders?limit=20&status=AUTHORIZED"));
            if (round % 2 == 0) {
                pay(withLines);
                String id = string(withLines, "id");
                merchant(HttpRequest.POST("/orders/" + id + "/capture",
                        Map.of("items", List.of(Map.of("line_id", "1", "quantity", 1, "amount", 9900)))));
                merchant(HttpRequest.POST("/orders/" + id + "/capture", Map.of()));
                merchant(HttpRequest.POST("/orders/" + id + "/refund",
                        Map.of("items", List.of(Map.of("line_id", "2", "quantity", 1)))));
                merchant(HttpRequest.GET("/orders/" + id + "/events"));
            } else {
                merchant(HttpRequest.POST("/orders/" + string(withLines, "id") + "/cancel", Map.of()));
            }
        }

        /** The buyer opens the checkout, pays, and comes back to the order's return page, which verifies. */
        private void pay(Map<String, Object> order) {
            String checkout = link(order);
            expect(200, HttpRequest.GET(path(checkout)).accept(MediaType.TEXT_HTML_TYPE));
            HttpResponse<String> paid = expect(303, HttpRequest.POST(path(checkout) + "/pay", "")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
            String returnPage = paid.getHeaders().get("Location");
            expect(200, HttpRequest.GET(path(returnPage)).accept(MediaType.TEXT_HTML_TYPE));
        }

        private Map<String, Object> merchant(MutableHttpRequest<?> request) {
            try {
                HttpResponse<Map<String, Object>> response = http.exchange(request.bearerAuth(API_KEY), JSON_OBJECT);
                return response.body() == null ? Map.of() : response.body();
            } catch (HttpClientResponseException refused) {
                throw new IllegalStateException(request.getMethodName() + " " + request.getPath() + " answered "
                        + refused.getStatus().getCode() + ": " + refused.getResponse().getBody(String.class)
                        .orElse(""), refused);
            }
        }

        private void expectMerchant(int status, MutableHttpRequest<?> request) {
            expect(status, request.bearerAuth(API_KEY));
        }

        private HttpResponse<String> expect(int status, MutableHttpRequest<?> request) {
            HttpResponse<String> response;
            try {
                response = http.exchange(request, String.class);
            } catch (HttpClientResponseException refused) {
                throw new IllegalStateException(request.getMethodName() + " " + request.getPath() + " answered "
                        + refused.getStatus().getCode() + ", expected " + status, refused);
            }
            if (response.getStatus().getCode() != status) {
                throw new IllegalStateException(request.getMethodName() + " " + request.getPath() + " answered "
                        + response.getStatus().getCode() + ", expected " + status);
            }
            return response;
        }

        private static String string(Map<String, Object> body, String field) {
            Object value = body.get(field);
            if (value == null) {
                throw new IllegalStateException("the answer has no " + field + ": " + body.keySet());
            }
            return value.toString();
        }

        @SuppressWarnings("unchecked")
        private static String link(Map<String, Object> order) {
            List<Map<String, Object>> links = (List<Map<String, Object>>) order.get("links");
            return string(links.get(0), "href");
        }

        /** The path and query of a link the service gave, to be sent to the same service. */
        private static String path(String link) {
            URI uri = URI.create(link);
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        }
    }
}
