package dev.orderpay.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bin/orderpay}, the README's run command: the packaged jar on Java 25 with the ahead-of-time cache the package
 * step recorded beside it (ADR 20).
 */
class LauncherIT {

    private static final Path CACHE = Path.of("target", "orderpay.aot");
    // The launcher's own JVM options, with AOTMode=on: the JVM then refuses to start rather than start without the
    // cache, as it would with a cache recorded from another jar, another JVM or incompatible options.
    private static final String CACHE_REQUIRED = "-XX:+UseSerialGC -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m"
            + " -XX:AOTMode=on";

    @Test
    void given_the_package_steps_cache_then_the_launcher_starts_the_service_on_it() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs Java 25; this is "
                + Runtime.version());
        assertThat(CACHE).as("recorded by the package step (bin/orderpay train)").exists();

        try (ServiceProcess service = ServiceProcess.startWithLauncher(Path.of("target", "launcher-run"),
                ServiceProcess.onTheTestDatabase(), CACHE_REQUIRED)) {
            ServiceClient client = new ServiceClient(service.base(), JsonMapper.createDefault());
            HttpResponse<String> created = client.postJson("/orders",
                    "{\"amount\": 29900, \"currency\": \"NOK\", \"receipt\": \"launched\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = client.json(created).get("id").getStringValue();

            JsonNode read = client.json(client.get("/orders/" + id));
            assertThat(read.get("receipt").getStringValue()).isEqualTo("launched");
            assertThat(service.log()).doesNotContain("starting without the ahead-of-time cache");
        }
    }
}
