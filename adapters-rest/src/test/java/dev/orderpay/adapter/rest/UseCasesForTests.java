package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.CreateOrderUseCase;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.ReturnUrls;
import dev.orderpay.application.service.ConfirmPaymentService;
import dev.orderpay.application.service.CreateOrderService;
import dev.orderpay.application.service.OrderQueryService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The real use cases over in-memory ports, wired as bootstrap wires them over PostgreSQL and Dintero. */
@Factory
class UseCasesForTests {

    @Singleton
    InMemoryOrderRepository orders() {
        return new InMemoryOrderRepository();
    }

    @Singleton
    FakePaymentGateway gateway() {
        return new FakePaymentGateway();
    }

    @Singleton
    Clock clock() {
        return new TickingClock();
    }

    @Singleton
    CreateOrderUseCase createOrder(InMemoryOrderRepository orders, FakePaymentGateway gateway, ReturnUrls returnUrls,
                                   Clock clock) {
        return new CreateOrderService(orders, gateway, returnUrls, clock);
    }

    @Singleton
    ConfirmPaymentUseCase confirmPayment(InMemoryOrderRepository orders, FakePaymentGateway gateway) {
        return new ConfirmPaymentService(orders, gateway);
    }

    @Singleton
    OrderQueryService orderQueries(InMemoryOrderRepository orders) {
        return new OrderQueryService(orders);
    }
}
