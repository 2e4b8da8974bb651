package dev.orderpay.adapter.rest;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/**
 * The API document at an address that does not change with its version: {@value #PATH}. The versioned copy stays
 * under {@code /swagger/}, where the browsable page at {@code /swagger-ui/} reads it.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden // the document describes the API, not where it is itself served
class ApiDocumentController {

    static final String PATH = "/openapi.yml";

    private final byte[] document;

    ApiDocumentController(ResourceResolver resources) throws IOException {
        URL generated = resources.getResource("classpath:" + ApiDocumentation.DOCUMENT).orElseThrow(
                () -> new IllegalStateException(ApiDocumentation.DOCUMENT + " is missing: the build writes it"));
        try (InputStream yml = generated.openStream()) {
            this.document = yml.readAllBytes();
        }
    }

    @Get(uri = PATH, produces = MediaType.APPLICATION_YAML)
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document);
    }
}
