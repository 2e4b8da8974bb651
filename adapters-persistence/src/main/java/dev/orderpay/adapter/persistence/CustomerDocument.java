package dev.orderpay.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The customer as the {@code orders.customer} column holds it; the e-mail address is also in its own column. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record CustomerDocument(@Nullable String email,
                        @JsonProperty("phone_number") @Nullable String phoneNumber,
                        @JsonProperty("first_name") @Nullable String firstName,
                        @JsonProperty("last_name") @Nullable String lastName) {
}
