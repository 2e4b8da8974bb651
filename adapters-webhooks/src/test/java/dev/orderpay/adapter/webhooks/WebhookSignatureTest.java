package dev.orderpay.adapter.webhooks;

import dev.orderpay.domain.webhook.SigningSecret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void the_example_in_the_documentation_is_what_the_service_sends() {
        byte[] body = "{\"id\":\"evt_1\",\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

        // worked out independently (Python's hmac module), as shown in docs/webhooks.md
        assertThat(WebhookSignature.header(1767225600L, body, List.of(new SigningSecret("whsec_example"))))
                .isEqualTo("t=1767225600,v1=294b74e87c6aaa50ab7a0b135927436e79a61b1b1cf47e6979c972680fac3ee3");
    }

    @Test
    void every_secret_in_force_adds_its_own_v1_in_order() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSignature.header(1L, body,
                List.of(new SigningSecret("new"), new SigningSecret("old")));

        assertThat(header).matches("t=1,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(header).startsWith(WebhookSignature.header(1L, body, List.of(new SigningSecret("new"))));
        assertThat(header).endsWith(WebhookSignature.header(1L, body, List.of(new SigningSecret("old"))).substring(3));
    }
}
