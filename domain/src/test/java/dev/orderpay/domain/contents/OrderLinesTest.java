package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

import static dev.orderpay.domain.contents.TestContents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLinesTest {

    private static final Currency NOK = Currency.getInstance("NOK");

    @Test
    void given_lines_when_totalled_then_their_amounts_add_up_in_the_given_order() {
        OrderLines lines = new OrderLines(List.of(line("b", 100), line("a", 250)));

        assertThat(lines.total(NOK)).isEqualTo(Money.of(350, "NOK"));
        assertThat(lines.items()).extracting(LineItem::lineId).containsExactly("b", "a");
        assertThat(lines.count()).isEqualTo(2);
    }

    @Test
    void given_no_lines_when_totalled_then_the_total_is_zero() {
        assertThat(OrderLines.NONE.total(NOK)).isEqualTo(Money.zero(NOK));
        assertThat(OrderLines.NONE.isEmpty()).isTrue();
    }

    @Test
    void given_a_line_id_twice_when_lines_are_made_then_line_id_is_named() {
        assertThatThrownBy(() -> new OrderLines(List.of(line("a", 1), line("a", 2))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("line_id"));
    }

    @Test
    void given_501_lines_when_lines_are_made_then_items_is_named_and_500_are_taken() {
        List<LineItem> many = IntStream.rangeClosed(1, 501).mapToObj(i -> line("l" + i, 1)).toList();

        assertThat(new OrderLines(many.subList(0, 500)).count()).isEqualTo(500);
        assertThatThrownBy(() -> new OrderLines(many))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("items"));
    }

    @Test
    void given_lines_known_by_their_number_when_their_items_are_asked_for_then_it_throws() {
        OrderLines counted = OrderLines.counted(3);

        assertThat(counted.count()).isEqualTo(3);
        assertThat(counted.isLoaded()).isFalse();
        assertThatThrownBy(counted::items).isInstanceOf(IllegalStateException.class);
        assertThat(OrderLines.counted(0).isLoaded()).isFalse();
        assertThat(OrderLines.counted(0)).isNotEqualTo(OrderLines.NONE);
    }

    @Test
    void given_contents_when_summarised_then_only_the_count_the_email_and_the_metadata_stay() {
        OrderContents summary = TestContents.contentsOf29900().summary();

        assertThat(summary.lines().count()).isEqualTo(2);
        assertThat(summary.customer().email()).isEqualTo(TestContents.customer().email());
        assertThat(summary.customer().phoneNumber()).isEmpty();
        assertThat(summary.shippingAddress()).isEmpty();
        assertThat(summary.metadata()).isEqualTo(TestContents.contentsOf29900().metadata());
    }
}
