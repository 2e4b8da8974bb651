package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.CreateOrderUseCase;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.ReturnUrls;
import dev.orderpay.application.service.ConfirmPaymentService;
import dev.orderpay.application.service.CreateOrderService;
import dev.orderpay.application.service.OrderQueryService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Turns the framework-free use cases into beans. The ports they need are the adapters' beans; which
 * payment provider fills {@link PaymentGateway} is decided by configuration ({@code payments.provider}).
 */
@Factory
class UseCaseFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    CreateOrderUseCase createOrder(OrderRepository orders, PaymentGateway gateway, ReturnUrls returnUrls, Clock clock) {
        return new CreateOrderService(orders, gateway, returnUrls, clock);
    }

    @Singleton
    ConfirmPaymentUseCase confirmPayment(OrderRepository orders, PaymentGateway gateway) {
        return new ConfirmPaymentService(orders, gateway);
    }

    /** Serves both {@code GetOrderUseCase} and {@code ListOrdersUseCase}. */
    @Singleton
    OrderQueryService orderQueries(OrderRepository orders) {
        return new OrderQueryService(orders);
    }
}
