package dev.orderpay.application.port.in.confirmation;

import dev.orderpay.domain.OrderId;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The buyer came back from the provider's checkout. The parameters are passed on as they arrived, untrusted:
 * only the provider knows what they mean, and only a fetch from the provider proves anything.
 */
public record ConfirmPaymentCommand(OrderId orderId, Map<String, List<String>> returnParameters) {

    public ConfirmPaymentCommand {
        Objects.requireNonNull(orderId, "orderId");
        returnParameters = Map.copyOf(Objects.requireNonNull(returnParameters, "returnParameters"));
    }
}
