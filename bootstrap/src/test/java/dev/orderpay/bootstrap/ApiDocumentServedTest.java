package dev.orderpay.bootstrap;

import dev.orderpay.adapter.persistence.PostgresTestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The API document and its browsable page, served by the running service to anyone, without a key. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentServedTest implements TestPropertyProvider {

    /** Addresses in the page's scripts: everything it loads, and the document it shows. */
    private static final Pattern PAGE_ADDRESS = Pattern.compile("[\"'](/swagger[^\"']*)[\"']");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private ServiceClient anyone;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresTestDatabase.datasourceProperties());
        properties.put("payments.provider", "simulator");
        properties.put("orderpay.reconcile-enabled", "false");
        return properties;
    }

    @BeforeEach
    void connect() {
        anyone = new ServiceClient(server.getURI(), json);
    }

    @Test
    void given_no_key_when_the_document_is_asked_for_at_its_stable_and_versioned_addresses_then_both_serve_it()
            throws Exception {
        String generated = generatedDocument();

        HttpResponse<String> stable = anyone.getAnonymously("/openapi.yml");
        HttpResponse<String> versioned = anyone.getAnonymously("/swagger/orderpay-1.0.yml");

        assertThat(stable.statusCode()).isEqualTo(200);
        assertThat(stable.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("yaml"));
        assertThat(stable.body()).isEqualTo(generated);
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.body()).isEqualTo(generated);
    }

    @Test
    void given_no_key_when_the_api_page_is_opened_then_it_and_everything_it_loads_come_from_the_service()
            throws Exception {
        HttpResponse<String> page = anyone.getAnonymously("/swagger-ui/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        // Nothing from another host: no absolute address in a src or href, every script and style our own.
        assertThat(page.body()).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
        List<String> loaded = PAGE_ADDRESS.matcher(page.body()).results().map(match -> match.group(1)).toList();
        assertThat(loaded).contains("/swagger-ui/res/swagger-ui-bundle.js", "/swagger-ui/res/swagger-ui.css",
                "/swagger/orderpay-1.0.yml");
        for (String address : loaded) {
            assertThat(anyone.getAnonymously(address).statusCode()).as(address).isEqualTo(200);
        }
    }

    private static String generatedDocument() throws IOException {
        try (InputStream yml = ApiDocumentServedTest.class.getClassLoader()
                .getResourceAsStream(OpenApiDocumentTest.GENERATED)) {
            return new String(yml.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
