package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of a session created from a checkout profile: what Dintero requires, where to notify this service,
 * when the session expires ({@code expires_at}, an RFC 3339 date-time), and the order's lines, customer and
 * addresses when it has them. Whatever the order lacks is left out, never sent as {@code null}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record DinteroSessionRequest(Urls url, @Nullable Customer customer, Order order, String profileId, String expiresAt) {

    /** {@code callbackUrl} is left out when Dintero could not call it (see {@link DinteroCallbackUrl}). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Urls(String returnUrl, @Nullable String callbackUrl) {
    }

    /** Dintero's session customer knows no names: they travel in the addresses. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Customer(@Nullable String email, @Nullable String phoneNumber) {

        @Override
        public String toString() {
            return "Customer[redacted]";
        }
    }

    /**
     * {@code amount} in the currency's minor units; Dintero defines it as a 32-bit integer. {@code items} add up to
     * it, as Dintero expects.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(int amount, String currency, String merchantReference, @Nullable List<Item> items,
                 @Nullable Address shippingAddress, @Nullable Address billingAddress) {
    }

    /**
     * One order line: {@code amount} is the line's total with VAT and {@code vat_amount} the VAT in it, both in
     * minor units; {@code quantity} and {@code vat} (a percentage) are plain JSON numbers.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Item(String id, String lineId, String description, BigDecimal quantity, int amount, BigDecimal vat,
                int vatAmount) {
    }

    /**
     * Dintero's {@code OrderAddress}, with the parts orderpay's addresses have. Named field by field: a naming
     * strategy would win over {@code @JsonProperty} and make {@code address_line_2} of {@code addressLine2}
     * {@code address_line2}.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(@JsonProperty("first_name") @Nullable String firstName,
                   @JsonProperty("last_name") @Nullable String lastName,
                   @JsonProperty("address_line") String addressLine,
                   @JsonProperty("address_line_2") @Nullable String addressLine2,
                   @JsonProperty("postal_code") String postalCode,
                   @JsonProperty("postal_place") String postalPlace,
                   String country,
                   @JsonProperty("phone_number") @Nullable String phoneNumber,
                   @Nullable String email) {

        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }
}
