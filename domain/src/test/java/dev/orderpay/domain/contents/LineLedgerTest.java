package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static dev.orderpay.domain.contents.TestContents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What captures and refunds take of a line: rounding, the last units' remainder, VAT and the limits. */
class LineLedgerTest {

    private static final LineItem THREE_FOR_100 = line("a", "3", 100_00, 20_00);

    @Test
    void given_a_quantity_alone_when_captured_then_its_share_of_amount_and_vat_is_rounded_down() {
        LineMovement first = LineLedger.untouched(THREE_FOR_100).toCapture(byQuantity("a", "1"), LineLedgerTest::fail);

        assertThat(first).isEqualTo(new LineMovement("a", BigDecimal.ONE, nok(33_33), nok(6_66)));
    }

    @Test
    void given_two_units_captured_one_by_one_when_the_last_is_captured_then_it_takes_the_remainder() {
        LineLedger ledger = LineLedger.untouched(THREE_FOR_100);
        for (int unit = 0; unit < 2; unit++) {
            ledger = ledger.afterCapture(ledger.toCapture(byQuantity("a", "1"), LineLedgerTest::fail));
        }

        LineMovement last = ledger.toCapture(byQuantity("a", "1"), LineLedgerTest::fail);

        assertThat(last).isEqualTo(new LineMovement("a", BigDecimal.ONE, nok(33_34), nok(6_68)));
        assertThat(ledger.afterCapture(last).captured()).isEqualTo(LineShare.of(THREE_FOR_100));
    }

    @Test
    void given_a_quantity_with_decimals_when_captured_then_its_share_is_rounded_down() {
        LineLedger ledger = LineLedger.untouched(line("kg", "2.5", 99_99, 19_99));

        LineMovement movement = ledger.toCapture(byQuantity("kg", "1.25"), LineLedgerTest::fail);

        assertThat(movement).isEqualTo(new LineMovement("kg", new BigDecimal("1.25"), nok(49_99), nok(9_99)));
    }

    @Test
    void given_an_amount_alone_when_captured_then_it_moves_that_amount_its_vat_share_and_no_quantity() {
        LineMovement movement = LineLedger.untouched(THREE_FOR_100)
                .toCapture(new LineSelection("a", Optional.empty(), Optional.of(nok(25_00))), LineLedgerTest::fail);

        assertThat(movement).isEqualTo(new LineMovement("a", BigDecimal.ZERO, nok(25_00), nok(5_00)));
    }

    @Test
    void given_quantity_and_amount_when_captured_then_both_are_taken_as_given() {
        LineMovement movement = LineLedger.untouched(THREE_FOR_100).toCapture(
                new LineSelection("a", Optional.of(new BigDecimal("2")), Optional.of(nok(60_00))),
                LineLedgerTest::fail);

        assertThat(movement).isEqualTo(new LineMovement("a", new BigDecimal("2"), nok(60_00), nok(12_00)));
    }

    @Test
    void given_two_units_left_when_three_are_asked_for_then_the_line_is_named_with_what_is_left() {
        LineLedger ledger = LineLedger.untouched(THREE_FOR_100);
        LineLedger afterOne = ledger.afterCapture(ledger.toCapture(byQuantity("a", "1"), LineLedgerTest::fail));

        assertThatThrownBy(() -> afterOne.toCapture(byQuantity("a", "3"), Refused::new))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.shortfall)
                        .isEqualTo(new LineShortfall("a", "capture", "3", "2")));
    }

    @Test
    void given_an_amount_captured_when_units_whose_share_is_more_than_is_left_are_asked_for_then_it_is_refused() {
        LineLedger ledger = LineLedger.untouched(THREE_FOR_100);
        LineLedger afterAmount = ledger.afterCapture(ledger.toCapture(
                new LineSelection("a", Optional.empty(), Optional.of(nok(90_00))), LineLedgerTest::fail));

        assertThatThrownBy(() -> afterAmount.toCapture(byQuantity("a", "1"), Refused::new))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.shortfall)
                        .isEqualTo(new LineShortfall("a", "capture", "33.33 NOK", "10.00 NOK")));
    }

    @Test
    void given_one_unit_captured_when_two_are_refunded_then_it_is_refused_and_one_is_refundable() {
        LineLedger ledger = LineLedger.untouched(THREE_FOR_100);
        LineLedger captured = ledger.afterCapture(ledger.toCapture(byQuantity("a", "1"), LineLedgerTest::fail));

        assertThatThrownBy(() -> captured.toRefund(byQuantity("a", "2"), Refused::new))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.shortfall)
                        .isEqualTo(new LineShortfall("a", "refund", "2", "1")));
        assertThat(captured.toRefund(byQuantity("a", "1"), LineLedgerTest::fail))
                .isEqualTo(new LineMovement("a", BigDecimal.ONE, nok(33_33), nok(6_66)));
    }

    @Test
    void given_ledgers_when_items_name_an_unknown_line_or_one_twice_then_the_item_path_is_named() {
        LineLedgers ledgers = LineLedgers.untouched(TestContents.twoLinesOf15000().lines());

        assertThatThrownBy(() -> ledgers.toCapture(List.of(byQuantity("a", "1"), byQuantity("x", "1")),
                LineLedgerTest::fail))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("items[1].line_id"));
        assertThatThrownBy(() -> ledgers.toCapture(List.of(byQuantity("a", "1"), byQuantity("a", "1")),
                LineLedgerTest::fail))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("items[1].line_id"));
    }

    @Test
    void given_part_of_a_line_captured_when_the_rest_is_asked_for_then_each_line_moves_its_remainder() {
        LineLedgers ledgers = LineLedgers.untouched(TestContents.twoLinesOf15000().lines());
        LineLedgers afterOne = ledgers.afterCapture(ledgers.toCapture(List.of(byQuantity("a", "1")),
                LineLedgerTest::fail)).orElseThrow();

        assertThat(afterOne.restToCapture()).containsExactly(
                new LineMovement("a", new BigDecimal("2"), nok(66_67), nok(13_34)),
                new LineMovement("b", BigDecimal.ONE, nok(50_00), nok(10_00)));
        assertThat(afterOne.restToRefund()).containsExactly(
                new LineMovement("a", BigDecimal.ONE, nok(33_33), nok(6_66)));
    }

    @Test
    void given_ledgers_when_a_movement_is_more_than_a_line_has_left_or_names_no_line_then_they_cannot_take_it() {
        LineLedgers ledgers = LineLedgers.untouched(TestContents.twoLinesOf15000().lines());
        LineMovement allOfB = new LineMovement("b", BigDecimal.ONE, nok(50_00), nok(10_00));
        LineLedgers bCaptured = ledgers.afterCapture(List.of(allOfB)).orElseThrow();

        assertThat(bCaptured.afterCapture(List.of(allOfB))).isEmpty();
        assertThat(bCaptured.afterCapture(List.of(new LineMovement("b", BigDecimal.ZERO, nok(1), nok(0)))))
                .isEmpty();
        assertThat(ledgers.afterRefund(List.of(allOfB))).isEmpty();
        assertThat(ledgers.afterCapture(List.of(new LineMovement("x", BigDecimal.ONE, nok(1_00), nok(0)))))
                .isEmpty();
        // Two movements of one line are added up before they are checked.
        LineMovement twoOfA = new LineMovement("a", new BigDecimal("2"), nok(66_66), nok(13_33));
        assertThat(ledgers.afterCapture(List.of(twoOfA, twoOfA))).isEmpty();
        assertThat(bCaptured.afterRefund(List.of(allOfB))).isPresent();
    }

    private static LineSelection byQuantity(String lineId, String quantity) {
        return new LineSelection(lineId, Optional.of(new BigDecimal(quantity)), Optional.empty());
    }

    private static Money nok(long minorUnits) {
        return Money.of(minorUnits, "NOK");
    }

    private static RuntimeException fail(LineShortfall shortfall) {
        throw new AssertionError("refused: " + shortfall);
    }

    private static final class Refused extends RuntimeException {
        private final LineShortfall shortfall;

        Refused(LineShortfall shortfall) {
            this.shortfall = shortfall;
        }
    }
}
