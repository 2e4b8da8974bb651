package dev.orderpay.adapter.webhooks;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A merchant's webhook receiver, played by WireMock on free ports (http, and https with its own certificate). */
final class Receiver {

    private Receiver() {
    }

    /** Register in a static field with {@code @RegisterExtension}; it forgets its stubs and requests before each test. */
    static WireMockExtension onFreePorts() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
                .build();
    }

    static URI http(WireMockExtension receiver, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + receiver.getPort() + pathAndQuery);
    }

    static URI https(WireMockExtension receiver, String host, String pathAndQuery) {
        return URI.create("https://" + host + ":" + receiver.getHttpsPort() + pathAndQuery);
    }

    static List<LoggedRequest> everythingReceived(WireMockExtension receiver) {
        return receiver.findAll(anyRequestedFor(anyUrl()));
    }
}
