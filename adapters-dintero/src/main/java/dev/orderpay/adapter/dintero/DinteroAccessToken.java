package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Dintero's token answer; {@code expiresIn} is the token's lifetime in seconds. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record DinteroAccessToken(@Nullable String accessToken, @Nullable String tokenType, long expiresIn) {

    /** Without the token itself: it grants access to the merchant's account. */
    @Override
    public String toString() {
        return "DinteroAccessToken[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
