package dev.orderpay.bootstrap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an answer against the API document with Atlassian's OpenAPI validator: its status must be documented for
 * the operation, and its content type, headers and body must be what the document says.
 */
final class ApiDocumentConformance {

    // Parsing the document takes a while; every test of a run is served the same one.
    private static final Map<String, ApiDocumentConformance> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;

    private ApiDocumentConformance(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    static ApiDocumentConformance of(String document) {
        return BY_DOCUMENT.computeIfAbsent(document, ApiDocumentConformance::new);
    }

    /** Throws an {@link AssertionError} naming everything in the answer that the document does not allow. */
    void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach(response::withHeader);
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        if (report.hasErrors()) {
            throw new AssertionError("the answer to %s %s (%d) breaks the API document:%n%s%n%s".formatted(
                    method, path, status, SimpleValidationReportFormat.getInstance().apply(report), body));
        }
    }
}
