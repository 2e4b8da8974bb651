package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.order.OrderContentsInput;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.PersonName;
import dev.orderpay.domain.contents.PhoneNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Who buys; every part optional. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record CustomerBody(
        @Schema(nullable = false, description = "An e-mail address, at most 254 characters",
                example = "kari@example.com")
        @Nullable String email,
        @JsonProperty("phone_number")
        @Schema(nullable = false, name = "phone_number", description = "E.164", example = "+4799999999")
        @Nullable String phoneNumber,
        @JsonProperty("first_name")
        @Schema(nullable = false, name = "first_name", description = "1 to 100 characters", example = "Kari")
        @Nullable String firstName,
        @JsonProperty("last_name")
        @Schema(nullable = false, name = "last_name", description = "1 to 100 characters", example = "Nordmann")
        @Nullable String lastName) {

    OrderContentsInput.Person toInput() {
        return new OrderContentsInput.Person(email, phoneNumber, firstName, lastName);
    }

    static CustomerBody from(Customer customer) {
        return new CustomerBody(customer.email().map(EmailAddress::value).orElse(null),
                customer.phoneNumber().map(PhoneNumber::value).orElse(null),
                customer.firstName().map(PersonName::value).orElse(null),
                customer.lastName().map(PersonName::value).orElse(null));
    }
}
