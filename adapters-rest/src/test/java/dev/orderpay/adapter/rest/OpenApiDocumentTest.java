package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.problem.ProblemCode;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the annotation processor wrote into this module's jar, against the running routes. */
@MicronautTest
class OpenApiDocumentTest {

    static final String DOCUMENT = ApiDocumentation.DOCUMENT;

    @Inject
    Router router;
    @Inject
    JsonMapper json;

    private Map<String, Object> document;

    @BeforeEach
    void read_the_document() throws IOException {
        try (InputStream yml = getClass().getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(yml).as(DOCUMENT + " on the classpath").isNotNull();
            document = new Yaml().load(yml);
        }
    }

    @Test
    void given_the_running_routes_then_the_document_lists_each_path_with_its_method() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getPackageName().startsWith(getClass().getPackageName()))
                .filter(route -> route.getDeclaringType() != FailingTestRoutes.class)
                // The document does not list where it is itself served.
                .filter(route -> route.getDeclaringType() != ApiDocumentController.class)
                // Micronaut answers HEAD for every GET route by itself; the document lists the GETs.
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .toList();

        assertThat(routes).hasSizeGreaterThanOrEqualTo(13);
        Map<String, Map<String, Object>> paths = map(document.get("paths"));
        assertThat(routes).allSatisfy(route -> {
            String path = route.getUriMatchTemplate().toPathString();
            assertThat(paths).as("paths").containsKey(path);
            assertThat(paths.get(path)).as(path).containsKey(route.getHttpMethodName().toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void given_every_problem_code_then_the_document_lists_it_as_a_value_of_code() {
        Map<String, Object> codeSchema = map(map(map(document.get("components")).get("schemas")).get("ProblemCode"));

        assertThat(list(codeSchema.get("enum"))).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemCode.values()).map(ProblemCode::value).toList());
    }

    @Test
    void given_every_problem_code_when_written_as_json_then_it_is_the_value_the_document_names() throws IOException {
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(json.writeValueAsString(code)).isEqualTo("\"" + code.value() + "\"");
        }
    }

    @Test
    void given_the_merchant_operations_then_each_documents_unauthorized_and_the_bearer_requirement() {
        Map<String, Map<String, Object>> paths = map(document.get("paths"));
        List<Map<String, Object>> merchantOperations = List.of(
                map(paths.get("/orders").get("post")), map(paths.get("/orders").get("get")),
                map(paths.get("/orders/totals").get("get")), map(paths.get("/orders/{id}").get("get")),
                map(paths.get("/orders/{id}/history").get("get")), map(paths.get("/orders/{id}/capture").get("post")),
                map(paths.get("/orders/{id}/refund").get("post")), map(paths.get("/orders/{id}/cancel").get("post")));

        assertThat(merchantOperations).allSatisfy(operation -> {
            assertThat(map(operation.get("responses"))).containsKey("401");
            assertThat(operation.get("security")).isEqualTo(List.of(Map.of(ApiDocumentation.API_KEY, List.of())));
        });
        assertThat(map(map(map(document.get("components")).get("securitySchemes")).get(ApiDocumentation.API_KEY)))
                .containsEntry("type", "http").containsEntry("scheme", "bearer");
    }

    @Test
    void given_the_operations_then_each_documents_the_status_codes_it_answers_with() {
        Map<String, Map<String, Object>> paths = map(document.get("paths"));

        assertThat(responses(paths, "/orders", "post")).containsKeys("201", "400", "401", "409", "415", "422", "502",
                "504");
        assertThat(responses(paths, "/orders", "get")).containsKeys("200", "400", "401");
        assertThat(responses(paths, "/orders/totals", "get")).containsKeys("200", "400", "401");
        assertThat(responses(paths, "/orders/{id}", "get")).containsKeys("200", "400", "401", "404");
        assertThat(responses(paths, "/orders/{id}/capture", "post")).containsKeys("200", "202", "400", "401", "404",
                "409", "415", "502", "504");
        assertThat(responses(paths, "/orders/{id}/refund", "post")).containsKeys("200", "202", "400", "401", "404",
                "409", "415", "502", "504");
        assertThat(responses(paths, "/orders/{id}/cancel", "post")).containsKeys("200", "202", "401", "404", "409",
                "502", "504");
        assertThat(responses(paths, "/orders/{id}/redirect", "get")).containsKeys("200", "404", "409");
        assertThat(responses(paths, "/orders/{id}/callback", "post")).containsKeys("200", "401", "404", "409", "503");
    }

    @Test
    void given_the_public_operations_then_each_says_it_needs_no_credentials() {
        Map<String, Map<String, Object>> paths = map(document.get("paths"));
        List<Map<String, Object>> publicOperations = List.of(
                map(paths.get("/orders/{id}/redirect").get("get")),
                map(paths.get("/orders/{id}/payment-redirect").get("get")),
                map(paths.get("/orders/{id}/callback").get("get")),
                map(paths.get("/orders/{id}/callback").get("post")));

        // An empty requirement list says "public" explicitly; a missing one would leave it to the reader's guess.
        assertThat(publicOperations).allSatisfy(operation -> assertThat(operation).containsEntry("security", List.of()));
    }

    @Test
    void given_every_operation_then_it_has_a_tag_a_summary_and_a_description() {
        Map<String, Map<String, Object>> paths = map(document.get("paths"));

        assertThat(paths.values().stream().flatMap(path -> path.values().stream()).map(OpenApiDocumentTest::map))
                .allSatisfy(operation -> assertThat(operation).containsKeys("tags", "summary", "description"));
        assertThat(list(document.get("servers"))).isNotEmpty();
    }

    /** What each answer always carries; every other member is sent only when it has a value. */
    @Test
    void given_the_answers_then_the_document_requires_exactly_the_members_always_sent() {
        Map<String, Map<String, Object>> schemas = map(map(document.get("components")).get("schemas"));

        // Not receipt nor metadata: an event too large to send whole leaves them out of its data (data_complete
        // false). Not items, customer or addresses: a listing leaves them out.
        assertThat(required(schemas, "OrderResponse")).containsExactlyInAnyOrder("id", "created_at", "amount",
                "currency", "status", "captured_amount", "refunded_amount", "links", "line_count");
        assertThat(required(schemas, "LineItem")).containsExactlyInAnyOrder("line_id", "description", "quantity",
                "amount", "vat", "vat_amount");
        assertThat(required(schemas, "OrderItem")).containsExactlyInAnyOrder("line_id", "description", "quantity",
                "amount", "vat", "vat_amount", "captured_quantity", "captured_amount", "refunded_quantity",
                "refunded_amount");
        assertThat(required(schemas, "OperationItem")).containsExactly("line_id");
        assertThat(required(schemas, "Event")).contains("data_complete", "data");
        assertThat(required(schemas, "OrderList")).containsExactlyInAnyOrder("orders", "links");
        assertThat(required(schemas, "Totals")).containsExactly("totals");
        assertThat(required(schemas, "CurrencyTotal")).containsExactlyInAnyOrder("currency", "authorized",
                "captured", "refunded", "net");
        assertThat(required(schemas, "OrderHistoryResponse")).containsExactly("history");
        assertThat(required(schemas, "StatusChangeResponse")).containsExactlyInAnyOrder("from", "to", "source",
                "provider_reference", "at");
        assertThat(required(schemas, "PendingOperationResponse")).containsExactlyInAnyOrder("type", "started_at");
        assertThat(required(schemas, "Link")).containsExactlyInAnyOrder("rel", "href");
        assertThat(required(schemas, "Problem")).containsExactlyInAnyOrder("type", "title", "status", "detail",
                "code", "request_id");
        assertThat(required(schemas, "PaymentReturnResponse")).containsExactlyInAnyOrder("message", "order");
        assertThat(required(schemas, "BuyerOrderView")).containsExactlyInAnyOrder("id", "status", "amount",
                "currency");
        assertThat(required(schemas, "NotificationOutcome")).containsExactly("outcome");
    }

    /** An optional member is left out when it has no value; only provider_reference is ever sent as null. */
    @Test
    void given_the_answers_then_only_members_sent_as_null_are_nullable() {
        Map<String, Map<String, Object>> schemas = map(map(document.get("components")).get("schemas"));
        List<String> nullable = schemas.entrySet().stream()
                .filter(schema -> !schema.getKey().endsWith("Request"))
                .flatMap(schema -> OpenApiDocumentTest.<Object>map(schema.getValue().getOrDefault("properties",
                                Map.of())).entrySet().stream()
                        .filter(property -> Boolean.TRUE.equals(map(property.getValue()).get("nullable")))
                        .map(property -> schema.getKey() + "." + property.getKey()))
                .toList();

        assertThat(nullable).containsExactly("StatusChangeResponse.provider_reference");
    }

    private static List<Object> required(Map<String, Map<String, Object>> schemas, String name) {
        assertThat(schemas).containsKey(name);
        return list(schemas.get(name).getOrDefault("required", List.of()));
    }

    private static Map<String, Object> responses(Map<String, Map<String, Object>> paths, String path, String method) {
        return map(map(paths.get(path).get(method)).get("responses"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        return (List<Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        return (Map<String, V>) yaml;
    }
}
