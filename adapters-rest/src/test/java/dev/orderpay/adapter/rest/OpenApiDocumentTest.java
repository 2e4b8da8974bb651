package dev.orderpay.adapter.rest;

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

    static final String DOCUMENT =
            "META-INF/swagger/" + ApiDocumentation.TITLE + "-" + ApiDocumentation.VERSION + ".yml";

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
                .filter(route -> route.getDeclaringType().getPackageName().equals(getClass().getPackageName()))
                .filter(route -> route.getDeclaringType() != FailingTestRoutes.class)
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
