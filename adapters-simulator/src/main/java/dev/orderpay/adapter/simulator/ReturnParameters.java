package dev.orderpay.adapter.simulator;

import dev.orderpay.adapter.simulator.SimulatedProvider.Checkout;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PaymentId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters the simulator appends to the buyer's return and to its notification, written and read in this
 * one place: {@code payment_id} once the buyer paid, otherwise {@code error} ({@code declined} or
 * {@code cancelled}).
 */
final class ReturnParameters {

    static final String PAYMENT_ID = "payment_id";
    static final String ERROR = "error";

    private ReturnParameters() {
    }

    /** What a finished checkout reports; nothing for a checkout that is still open. */
    static Map<String, String> of(Checkout checkout) {
        Map<String, String> parameters = new LinkedHashMap<>();
        checkout.paymentId().ifPresent(paymentId -> parameters.put(PAYMENT_ID, paymentId.value()));
        checkout.ending().ifPresent(ending -> parameters.put(ERROR,
                ending == CheckoutEnding.DECLINED ? "declined" : "cancelled"));
        return parameters;
    }

    static BuyerReturn read(Map<String, List<String>> parameters) {
        Optional<CheckoutEnding> failureHint = first(parameters, ERROR).map(error -> switch (error) {
            case "cancelled" -> CheckoutEnding.CANCELLED;
            case "declined" -> CheckoutEnding.DECLINED;
            default -> CheckoutEnding.FAILED;
        });
        return new BuyerReturn(first(parameters, PAYMENT_ID).flatMap(ReturnParameters::paymentId), failureHint);
    }

    /** A {@code payment_id} that cannot be a payment id names no payment the simulator made. */
    private static Optional<PaymentId> paymentId(String value) {
        try {
            return Optional.of(new PaymentId(value));
        } catch (InvalidValueException notAPaymentId) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name))
                .flatMap(values -> values.stream().filter(value -> value != null && !value.isBlank()).findFirst());
    }
}
