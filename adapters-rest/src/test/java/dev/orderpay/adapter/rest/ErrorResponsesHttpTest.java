package dev.orderpay.adapter.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors raised by Micronaut itself, and ones no handler knows, come out as problem details too. */
@MicronautTest
class ErrorResponsesHttpTest {

    @Inject
    Api api;

    @Test
    void given_an_unknown_route_when_requested_then_404_not_found_problem() {
        Api.Reply reply = api.get("/no/such/route");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "not_found").containsEntry("type", "about:blank")
                .containsEntry("status", 404).containsEntry("title", "Not Found");
    }

    @Test
    void given_a_method_the_route_does_not_support_when_requested_then_405_problem() {
        Api.Reply reply = api.send(HttpRequest.DELETE("/orders"));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "method_not_allowed");
    }

    @Test
    void given_a_query_string_longer_than_the_request_line_limit_when_requested_then_414_problem() {
        Api.Reply reply = api.get("/orders?receipt=" + "r".repeat(10_000));

        assertThat(reply.status()).isEqualTo(414);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "uri_too_long").containsEntry("status", 414);
    }

    @Test
    void given_a_header_larger_than_the_header_limit_when_requested_then_431_problem() {
        Api.Reply reply = api.send(HttpRequest.GET("/orders").header("X-Filler", "h".repeat(20_000)));

        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "headers_too_large").containsEntry("status", 431);
    }

    @Test
    void given_a_browser_when_an_unknown_route_or_an_unsupported_method_is_requested_then_the_problem_is_still_json() {
        Api.Reply notFound = api.send(HttpRequest.GET("/no/such/route").accept(MediaType.TEXT_HTML_TYPE));
        Api.Reply notAllowed = api.send(HttpRequest.DELETE("/orders").accept(MediaType.TEXT_HTML_TYPE));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
    }

    @Test
    void given_an_unexpected_failure_when_requested_then_500_without_the_exception_message() {
        Api.Reply reply = api.get(FailingTestRoutes.UNEXPECTED);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "internal_error")
                .containsEntry("detail", "An unexpected error occurred.");
        assertThat(reply.body()).doesNotContain(FailingTestRoutes.SECRET);
    }

    @Test
    void given_a_domain_value_rule_broken_outside_a_command_when_requested_then_400_naming_the_value() {
        Api.Reply reply = api.get(FailingTestRoutes.INVALID_VALUE);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly("currency");
    }
}
