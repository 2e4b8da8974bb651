package dev.orderpay.adapter.rest.webhook;

import dev.orderpay.adapter.rest.problem.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/** The 404 every route about one endpoint documents, declared once (see SharedProblemResponses for why this way). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "404", description = "webhook_endpoint_not_found, or not_found when the id is not an"
        + " endpoint id",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@interface WebhookEndpointNotFound {
}
