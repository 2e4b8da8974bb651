package dev.orderpay.adapter.dintero;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

@Serdeable(naming = SnakeCaseStrategy.class)
record DinteroTokenRequest(String grantType, String audience) {

    static DinteroTokenRequest clientCredentials(String audience) {
        return new DinteroTokenRequest("client_credentials", audience);
    }
}
