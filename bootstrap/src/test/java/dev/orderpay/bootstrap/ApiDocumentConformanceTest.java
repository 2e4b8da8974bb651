package dev.orderpay.bootstrap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check every end-to-end answer goes through catches an answer the document does not allow. */
class ApiDocumentConformanceTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    private static ApiDocumentConformance document;

    @BeforeAll
    static void read_the_generated_document() throws IOException {
        try (InputStream yml = ApiDocumentConformanceTest.class.getClassLoader()
                .getResourceAsStream(OpenApiDocumentTest.GENERATED)) {
            document = ApiDocumentConformance.of(new String(yml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void given_totals_without_their_required_list_then_the_answer_is_refused() {
        assertThatThrownBy(() -> document.check("GET", "/orders/totals", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("totals");
    }

    @Test
    void given_an_order_whose_amount_is_text_then_the_answer_is_refused() {
        String order = """
                {"id": "3eacc06f-c9e7-4343-adbe-f3bbfa6cc7a9", "created_at": "2026-11-23T13:24:40.818Z",
                 "amount": "29900", "currency": "NOK", "receipt": "r", "status": "PENDING",
                 "captured_amount": 0, "refunded_amount": 0, "links": []}""";

        assertThatThrownBy(() -> document.check("GET", "/orders/3eacc06f-c9e7-4343-adbe-f3bbfa6cc7a9", 200, JSON,
                order)).isInstanceOf(AssertionError.class).hasMessageContaining("amount");
    }

    @Test
    void given_a_status_the_operation_does_not_document_then_the_answer_is_refused() {
        assertThatThrownBy(() -> document.check("GET", "/orders/totals", 418, JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void given_totals_as_documented_then_the_answer_passes() {
        assertThatCode(() -> document.check("GET", "/orders/totals", 200, JSON, """
                {"totals": [{"currency": "NOK", "authorized": 100, "captured": 0, "refunded": 0, "net": 0}]}"""))
                .doesNotThrowAnyException();
    }
}
