package dev.orderpay.application.service;

import dev.orderpay.application.port.in.CheckoutFailedException;
import dev.orderpay.application.port.in.CreateOrderCommand;
import dev.orderpay.application.port.in.CreateOrderUseCase;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ReturnUrls;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.PaymentSession;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Stores the order before asking the provider for a checkout, so that a provider failure leaves a FAILED order
 * behind rather than nothing, and a checkout never exists for an order we do not know.
 */
public final class CreateOrderService implements CreateOrderUseCase {

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final ReturnUrls returnUrls;
    private final Clock clock;

    public CreateOrderService(OrderRepository orders, PaymentGateway gateway, ReturnUrls returnUrls, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.returnUrls = returnUrls;
        this.clock = clock;
    }

    @Override
    public Order createOrder(CreateOrderCommand command) {
        // Microseconds: what the database keeps, so a stored order and its cursor compare equal.
        Order order = Order.place(OrderId.newId(), command.amount(), command.receipt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        orders.add(order);

        PaymentSession session;
        try {
            session = gateway.openCheckout(
                    new CheckoutRequest(order.id(), order.amount(), returnUrls.returnUrl(order.id())));
        } catch (PaymentProviderException failure) {
            order.failCheckout();
            throw new CheckoutFailedException(orders.update(order), failure);
        }
        order.attachSession(session);
        return orders.update(order);
    }
}
