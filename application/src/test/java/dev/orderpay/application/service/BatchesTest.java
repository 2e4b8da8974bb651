package dev.orderpay.application.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchesTest {

    @Test
    void given_a_backlog_of_two_and_a_half_batches_then_one_run_takes_three_batches_and_handles_it_all() {
        int[] backlog = {25};
        List<Integer> asked = new ArrayList<>();

        int handled = new Batches(10, 5).drain(limit -> {
            asked.add(limit);
            int taken = Math.min(limit, backlog[0]);
            backlog[0] -= taken;
            return taken;
        });

        assertThat(handled).isEqualTo(25);
        assertThat(asked).containsExactly(10, 10, 10);
    }

    @Test
    void given_a_backlog_larger_than_a_run_takes_then_the_run_stops_after_its_share() {
        List<Integer> asked = new ArrayList<>();

        int handled = new Batches(10, 3).drain(limit -> {
            asked.add(limit);
            return limit;
        });

        assertThat(handled).isEqualTo(30);
        assertThat(asked).hasSize(3);
    }

    @Test
    void given_an_empty_backlog_then_one_batch_is_asked_for_and_nothing_more() {
        List<Integer> asked = new ArrayList<>();

        int handled = new Batches(10, 3).drain(limit -> {
            asked.add(limit);
            return 0;
        });

        assertThat(handled).isZero();
        assertThat(asked).hasSize(1);
    }
}
