package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.webhook.CallbackUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An order as clients see it; {@code links} holds the checkout the buyer follows while one is open,
 * {@code pending_operation} is there only while the provider has yet to carry one out, {@code callback_url} only when
 * the order was created with one, and {@code history} only when asked for (and then even when empty). Where one order
 * is shown it has its {@code items} (even when none), and its {@code customer}, {@code shipping_address} and
 * {@code billing_address} when it has them; a listing shows none of these, only {@code line_count},
 * {@code customer_email} and {@code metadata}. Every other
 * member is always sent, {@code links} as {@code []} when no checkout is open; only an event too large to send in
 * full leaves the free-size {@code receipt} out, and links to the whole order instead ({@link #withoutFreeSizeParts()}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderResponse(String id,
                     @JsonProperty("created_at") @Schema(name = "created_at", format = "date-time",
                             requiredMode = REQUIRED)
                     String createdAt,
                     @Schema(requiredMode = REQUIRED, description = "In the currency's minor units") long amount,
                     String currency,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(nullable = false, description = "Always sent, except in the data of an event whose"
                             + " data_complete is false")
                     @Nullable String receipt,
                     @JsonProperty("callback_url") @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(name = "callback_url", nullable = false,
                             description = "Where the order's events are also posted; only when it was created"
                                     + " with one")
                     @Nullable String callbackUrl,
                     @Schema(requiredMode = REQUIRED, description = "PENDING, ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED,"
                             + " CAPTURED, PARTIALLY_REFUNDED, REFUNDED, DECLINED, FAILED, CANCELLED or EXPIRED")
                     String status,
                     @JsonProperty("captured_amount")
                     @Schema(name = "captured_amount", requiredMode = REQUIRED,
                             description = "How much was captured, in minor units")
                     long capturedAmount,
                     @JsonProperty("refunded_amount")
                     @Schema(name = "refunded_amount", requiredMode = REQUIRED,
                             description = "How much of that was refunded, in minor units")
                     long refundedAmount,
                     @JsonProperty("pending_operation") @JsonInclude(JsonInclude.Include.NON_NULL)
                     // Absent rather than null. No more here: the processor applies a property's @Schema to its type.
                     @Schema(nullable = false)
                     @Nullable PendingOperationResponse pendingOperation,
                     List<Link> links,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(nullable = false, description = "Only with include=history; then even when empty")
                     @Nullable List<StatusChangeResponse> history,
                     @JsonProperty("line_count")
                     @Schema(name = "line_count", requiredMode = REQUIRED, description = "How many lines it has")
                     int lineCount,
                     @JsonProperty("customer_email") @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(name = "customer_email", nullable = false,
                             description = "The customer's e-mail address, when the order has one")
                     @Nullable String customerEmail,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(nullable = false, description = "Its lines, in the order given (even when none), each"
                             + " with what was captured and refunded of it by line: only where one order is shown,"
                             + " not in a listing")
                     @Nullable List<OrderItemResponse> items,
                     // Like pending_operation: no more than nullable here, or it would apply to their types.
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = false)
                     @Nullable CustomerBody customer,
                     @JsonProperty("shipping_address") @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(nullable = false)
                     @Nullable AddressBody shippingAddress,
                     @JsonProperty("billing_address") @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(nullable = false)
                     @Nullable AddressBody billingAddress,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(nullable = false, description = "The merchant's keys and values ({} when none); always"
                             + " sent, except in the data of an event whose data_complete is false")
                     @Nullable Map<String, String> metadata) {

    /**
     * The order as shown: whole where its lines were read (one order), as a summary in a listing (the number of
     * lines, the customer's e-mail address and the metadata).
     */
    public static OrderResponse from(Order order) {
        List<Link> links = order.session()
                .map(session -> List.of(new Link("session_link", session.link().toString())))
                .orElse(List.of());
        OrderPayment payment = order.payment();
        OrderContents contents = order.contents();
        boolean whole = contents.lines().isLoaded();
        return new OrderResponse(order.id().toString(), DateTimeFormatter.ISO_INSTANT.format(order.createdAt()),
                order.amount().minorUnits(), order.amount().currencyCode(), order.receipt().value(),
                order.callbackUrl().map(CallbackUrl::toString).orElse(null), order.status().name(),
                payment.captured().minorUnits(), payment.refunded().minorUnits(),
                order.pendingOperation().map(PendingOperationResponse::from).orElse(null), links, null,
                contents.lines().count(), contents.customer().email().map(EmailAddress::value).orElse(null),
                whole ? order.lineLedgers().stream().map(OrderItemResponse::from).toList() : null,
                whole && !contents.customer().isEmpty() ? CustomerBody.from(contents.customer()) : null,
                whole ? contents.shippingAddress().map(AddressBody::from).orElse(null) : null,
                whole ? contents.billingAddress().map(AddressBody::from).orElse(null) : null,
                contents.metadata().values());
    }

    /**
     * This order without its free-size parts, which alone can make an event too large to send, and with a
     * {@code self} link to the whole of it: the receipt, the lines, the customer, the addresses and the metadata.
     */
    public OrderResponse withoutFreeSizeParts() {
        List<Link> withWhole = new ArrayList<>(links);
        withWhole.add(new Link("self", OrderPaths.order(id)));
        return new OrderResponse(id, createdAt, amount, currency, null, callbackUrl, status, capturedAmount,
                refundedAmount, pendingOperation, withWhole, null, lineCount, null, null, null, null, null, null);
    }

    static OrderResponse from(Order order, List<StatusChange> history) {
        OrderResponse plain = from(order);
        return new OrderResponse(plain.id, plain.createdAt, plain.amount, plain.currency, plain.receipt,
                plain.callbackUrl, plain.status, plain.capturedAmount, plain.refundedAmount, plain.pendingOperation,
                plain.links, StatusChangeResponse.from(history), plain.lineCount, plain.customerEmail, plain.items,
                plain.customer, plain.shippingAddress, plain.billingAddress, plain.metadata);
    }
}
