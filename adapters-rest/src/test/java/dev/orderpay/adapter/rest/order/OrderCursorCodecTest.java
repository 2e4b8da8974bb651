package dev.orderpay.adapter.rest.order;

import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.domain.OrderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OrderCursorCodecTest {

    @Test
    void given_a_cursor_with_microseconds_when_encoded_and_decoded_then_it_is_the_same_cursor() {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-03-08T13:24:40.818123Z"), OrderId.newId());

        assertThat(OrderCursorCodec.decode(OrderCursorCodec.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void given_a_cursor_before_1970_when_encoded_and_decoded_then_it_is_the_same_cursor() {
        OrderCursor cursor = new OrderCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), OrderId.newId());

        assertThat(OrderCursorCodec.decode(OrderCursorCodec.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void given_a_cursor_when_encoded_then_it_is_url_safe_and_does_not_show_the_id() {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-03-08T13:24:40.818123Z"), OrderId.newId());

        String token = OrderCursorCodec.encode(cursor);

        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain(cursor.id().toString());
    }
}
