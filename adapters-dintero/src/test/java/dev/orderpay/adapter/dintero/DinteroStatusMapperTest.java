package dev.orderpay.adapter.dintero;

import dev.orderpay.domain.OrderStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DinteroStatusMapperTest {

    @ParameterizedTest(name = "given Dintero status {0} when mapped then the order is {1}")
    @CsvSource({
            "INITIATED, PENDING",
            "UNKNOWN, PENDING",
            "ON_HOLD, ON_HOLD",
            "AUTHORIZED, AUTHORIZED",
            "CAPTURED, CAPTURED",
            "PARTIALLY_CAPTURED, PARTIALLY_CAPTURED",
            "PARTIALLY_CAPTURED_REFUNDED, PARTIALLY_REFUNDED",
            "PARTIALLY_REFUNDED, PARTIALLY_REFUNDED",
            "REFUNDED, REFUNDED",
            "DECLINED, DECLINED",
            "FAILED, FAILED",
            "AUTHORIZATION_VOIDED, CANCELLED"
    })
    void given_a_documented_dintero_status_when_mapped_then_the_order_status_it_stands_for(String dintero,
                                                                                            OrderStatus expected) {
        assertThat(DinteroStatusMapper.toOrderStatus(dintero)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "given unrecognised status \"{0}\" when mapped then the order stays pending")
    @NullSource
    @ValueSource(strings = {"PARTIALLY_AUTHORIZED", "authorized", "", "CAPTURED\n"})
    void given_an_unrecognised_dintero_status_when_mapped_then_the_order_stays_pending(String dintero) {
        assertThat(DinteroStatusMapper.toOrderStatus(dintero)).isEqualTo(OrderStatus.PENDING);
    }
}
