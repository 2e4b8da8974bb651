package dev.orderpay.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A shipping or billing address as the {@code orders} table's jsonb columns hold it, in orderpay's own shape. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record AddressDocument(@JsonProperty("first_name") @Nullable String firstName,
                       @JsonProperty("last_name") @Nullable String lastName,
                       @JsonProperty("address_line") String addressLine,
                       @JsonProperty("address_line_2") @Nullable String addressLine2,
                       @JsonProperty("postal_code") String postalCode,
                       @JsonProperty("postal_place") String postalPlace,
                       String country,
                       @JsonProperty("phone_number") @Nullable String phoneNumber,
                       @Nullable String email) {
}
