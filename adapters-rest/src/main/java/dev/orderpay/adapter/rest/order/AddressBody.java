package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.order.OrderContentsInput;
import dev.orderpay.domain.contents.Address;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.PersonName;
import dev.orderpay.domain.contents.PhoneNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A shipping or billing address in orderpay's own shape. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record AddressBody(
        @JsonProperty("first_name") @Schema(nullable = false, name = "first_name", description = "1 to 100 characters")
        @Nullable String firstName,
        @JsonProperty("last_name") @Schema(nullable = false, name = "last_name", description = "1 to 100 characters")
        @Nullable String lastName,
        @JsonProperty("address_line")
        @Schema(nullable = false, name = "address_line", description = "1 to 200 characters", example = "Storgata 1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String addressLine,
        @JsonProperty("address_line_2") @Schema(nullable = false, name = "address_line_2",
                description = "1 to 200 characters")
        @Nullable String addressLine2,
        @JsonProperty("postal_code")
        @Schema(nullable = false, name = "postal_code", description = "1 to 20 characters", example = "0155",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String postalCode,
        @JsonProperty("postal_place")
        @Schema(nullable = false, name = "postal_place", description = "1 to 100 characters", example = "Oslo",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String postalPlace,
        @Schema(nullable = false, description = "ISO 3166-1 alpha-2", example = "NO",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String country,
        @JsonProperty("phone_number") @Schema(nullable = false, name = "phone_number", description = "E.164")
        @Nullable String phoneNumber,
        @Schema(nullable = false, description = "An e-mail address") @Nullable String email) {

    OrderContentsInput.Place toInput() {
        return new OrderContentsInput.Place(firstName, lastName, addressLine, addressLine2, postalCode, postalPlace,
                country, phoneNumber, email);
    }

    static AddressBody from(Address address) {
        return new AddressBody(address.firstName().map(PersonName::value).orElse(null),
                address.lastName().map(PersonName::value).orElse(null), address.addressLine(),
                address.addressLine2().orElse(null), address.postalCode(), address.postalPlace(),
                address.country().value(), address.phoneNumber().map(PhoneNumber::value).orElse(null),
                address.email().map(EmailAddress::value).orElse(null));
    }
}
