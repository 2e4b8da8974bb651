package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document is generated from the controllers at build time; the copy in {@code docs/openapi.yml} is what
 * people read without building. This keeps the two the same, so the documented API cannot drift from the code.
 */
class OpenApiDocumentTest {

    static final String GENERATED = "META-INF/swagger/orderpay-1.0.yml";
    private static final Path COMMITTED = Path.of("..", "docs", "openapi.yml");

    @Test
    void the_committed_api_document_is_the_one_the_code_generates() throws IOException {
        String generated;
        try (InputStream document = getClass().getClassLoader().getResourceAsStream(GENERATED)) {
            assertThat(document).as("the build generates " + GENERATED).isNotNull();
            generated = new String(document.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(COMMITTED))
                .as("docs/openapi.yml is out of date; regenerate it with: "
                        + "unzip -p adapters-rest/target/adapters-rest-*.jar " + GENERATED + " > docs/openapi.yml")
                .isEqualTo(generated);
    }
}
