package dev.orderpay.adapter.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.adapter.rest.security.ApiKeys;
import dev.orderpay.adapter.rest.security.OpenAccessAuthenticationFetcher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** orderpay.auth.enabled=false, for local development: the application is started here to see what it logs. */
class AuthSwitchedOffTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger switchLog = (Logger) LoggerFactory.getLogger(OpenAccessAuthenticationFetcher.class);

    @BeforeEach
    void listen_to_the_startup_log() {
        logged.start();
        switchLog.addAppender(logged);
    }

    @AfterEach
    void stop_listening() {
        switchLog.detachAppender(logged);
    }

    @Test
    void given_auth_switched_off_when_started_then_a_warning_says_so_and_merchant_routes_need_no_key() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of(ApiKeys.AUTH_ENABLED, "false"), Environment.TEST);
             HttpClient client = HttpClient.create(server.getURL())) {

            assertThat(logged.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("orderpay.auth.enabled=false");
            });
            int created = client.toBlocking().exchange(Api.createOrderRequest(100, "NOK", "local")).code();
            int listed = client.toBlocking().exchange(HttpRequest.GET("/orders")
                    .bearerAuth("any-key-at-all")).code();
            assertThat(created).isEqualTo(201);
            assertThat(listed).isEqualTo(200);
        }
    }

    @Test
    void given_auth_switched_off_when_an_audited_action_is_taken_then_the_entry_names_local_development() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of(ApiKeys.AUTH_ENABLED, "false"), Environment.TEST);
             HttpClient client = HttpClient.create(server.getURL())) {

            client.toBlocking().exchange(HttpRequest.POST("/webhook-endpoints",
                    "{\"url\": \"https://merchant.example.test/local\"}").contentType(MediaType.APPLICATION_JSON_TYPE));
            String log = client.toBlocking().retrieve(HttpRequest.GET("/audit-log?action=webhook_endpoint.created"));

            assertThat(log).contains("\"actor\":\"local-development\"");
        }
    }

    @Test
    void given_auth_left_on_when_started_then_nothing_is_said_and_a_key_is_needed() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(), Environment.TEST);
             HttpClient client = HttpClient.create(server.getURL())) {

            assertThat(logged.list).isEmpty();
            assertThatThrownBy(() -> client.toBlocking().exchange(HttpRequest.GET("/orders")))
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            refused -> assertThat(refused.code()).isEqualTo(401));
        }
    }
}
