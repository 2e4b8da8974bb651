package dev.orderpay.application.service;

import dev.orderpay.application.port.in.CheckoutFailedException;
import dev.orderpay.application.port.in.CreateOrderCommand;
import dev.orderpay.application.port.in.CreateOrderUseCase;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.Provenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stores the order before asking the provider for a checkout, so that a provider failure leaves a FAILED order
 * behind rather than nothing, and a checkout never exists for an order we do not know.
 */
public final class CreateOrderService implements CreateOrderUseCase {

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final PaymentUrls urls;
    private final Clock clock;
    private final Duration checkoutLifetime;

    /** @param checkoutLifetime how long the buyer has to pay before the checkout expires */
    public CreateOrderService(OrderRepository orders, PaymentGateway gateway, PaymentUrls urls, Clock clock,
                              Duration checkoutLifetime) {
        this.orders = orders;
        this.gateway = gateway;
        this.urls = urls;
        this.clock = clock;
        this.checkoutLifetime = checkoutLifetime;
    }

    @Override
    public Order createOrder(CreateOrderCommand command) {
        // Microseconds: what the database keeps, so a stored order and its cursor compare equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Order order = Order.place(OrderId.newId(), command.amount(), command.receipt(), now);
        orders.add(order);

        PaymentSession session;
        try {
            session = gateway.openCheckout(new CheckoutRequest(order.id(), order.amount(),
                    urls.returnUrl(order.id()), urls.notificationUrl(order.id()), now.plus(checkoutLifetime)));
        } catch (PaymentProviderException failure) {
            order.failCheckout(Provenance.unreferenced(ChangeSource.CHECKOUT, clock.instant()));
            throw new CheckoutFailedException(orders.update(order), failure);
        }
        order.attachSession(session);
        return orders.update(order);
    }
}
