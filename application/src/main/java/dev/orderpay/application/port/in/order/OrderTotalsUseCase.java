package dev.orderpay.application.port.in.order;

import java.util.List;

public interface OrderTotalsUseCase {

    /** Totals per currency, computed where the orders are kept. */
    List<CurrencyTotals> totals(TotalsQuery query);
}
