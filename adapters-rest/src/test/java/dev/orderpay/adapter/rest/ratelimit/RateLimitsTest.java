package dev.orderpay.adapter.rest.ratelimit;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    @Test
    void given_no_group_limits_when_policies_are_made_then_groups_share_their_audiences_policy() {
        RateLimits limits = RateLimits.from(settings(Map.of(), 1, List.of()));

        assertThat(limits.policyFor(Optional.of(RouteGroup.ORDERS_WRITE)))
                .isSameAs(limits.policyFor(Optional.of(RouteGroup.PAYMENTS)));
        assertThat(limits.policyFor(Optional.of(RouteGroup.READS)).header()).isEqualTo("\"merchant\";q=600;w=60");
        assertThat(limits.policyFor(Optional.of(RouteGroup.BUYER)).header()).isEqualTo("\"public\";q=60;w=60");
        assertThat(limits.policyFor(Optional.empty())).isSameAs(limits.policyFor(Optional.of(RouteGroup.BUYER)));
        assertThat(limits.policyFor(Optional.of(RouteGroup.PROVIDER_CALLBACKS)).header())
                .isEqualTo("\"callbacks\";q=100;w=1");
        assertThat(limits.policies()).extracting(Policy::name).containsExactlyInAnyOrder("merchant", "public",
                "callbacks");
    }

    @Test
    void given_a_group_limit_when_policies_are_made_then_the_group_has_a_policy_of_its_own_named_after_it() {
        RateLimits limits = RateLimits.from(settings(Map.of("payments", "10/1m", "buyer", "5/1s"), 1, List.of()));

        assertThat(limits.policyFor(Optional.of(RouteGroup.PAYMENTS)).header()).isEqualTo("\"payments\";q=10;w=60");
        assertThat(limits.policyFor(Optional.of(RouteGroup.BUYER)).header()).isEqualTo("\"buyer\";q=5;w=1");
        assertThat(limits.policyFor(Optional.of(RouteGroup.ORDERS_WRITE)).name()).isEqualTo("merchant");
        assertThat(limits.policyFor(Optional.empty()).name()).isEqualTo("public");
    }

    @Test
    void given_three_instances_when_policies_are_made_then_each_limit_is_divided_among_them() {
        RateLimits limits = RateLimits.from(settings(Map.of("keys", "31/1m"), 3, List.of()));

        assertThat(limits.policyFor(Optional.of(RouteGroup.READS)).header()).isEqualTo("\"merchant\";q=200;w=60");
        assertThat(limits.policyFor(Optional.of(RouteGroup.KEYS)).header()).isEqualTo("\"keys\";q=10;w=60");
        assertThat(limits.policyFor(Optional.of(RouteGroup.PROVIDER_CALLBACKS)).header())
                .isEqualTo("\"callbacks\";q=33;w=1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"paymnets", "callbacks", "merchant"})
    void given_a_limit_for_a_group_that_does_not_exist_when_started_then_startup_stops_naming_the_groups(
            String group) {
        assertThatThrownBy(() -> RateLimits.from(settings(Map.of(group, "10/1m"), 1, List.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("orderpay.rate-limit.groups." + group)
                .hasMessageContaining("orders-write, payments, reads, webhooks, keys, buyer");
    }

    @Test
    void given_a_bad_group_limit_when_started_then_startup_stops_naming_the_group_setting() {
        assertThatThrownBy(() -> RateLimits.from(settings(Map.of("orders-write", "fast"), 1, List.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("orderpay.rate-limit.groups.orders-write (ORDERPAY_RATE_LIMIT_GROUPS_ORDERS_WRITE)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1})
    void given_no_instances_when_started_then_startup_stops(int instances) {
        assertThatThrownBy(() -> RateLimits.from(settings(Map.of(), instances, List.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ORDERPAY_RATE_LIMIT_INSTANCES");
    }

    @Test
    void given_no_room_for_buckets_when_started_then_startup_stops() {
        assertThatThrownBy(() -> RateLimits.from(new Settings("600/1m", "60/1m", "100/1s", Map.of(), 1, 0,
                List.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ORDERPAY_RATE_LIMIT_MAX_CLIENTS");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "10.0.0.0/-1", "10.0.0"})
    void given_a_trusted_proxy_that_is_no_address_or_range_when_started_then_startup_stops(String proxy) {
        assertThatThrownBy(() -> RateLimits.from(settings(Map.of(), 1, List.of("10.0.0.1", proxy))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ORDERPAY_RATE_LIMIT_TRUSTED_PROXIES")
                .hasMessageContaining("\"" + proxy + "\"");
    }

    private static Settings settings(Map<String, String> groups, int instances, List<String> trustedProxies) {
        return new Settings("600/1m", "60/1m", "100/1s", groups, instances, 1000, trustedProxies);
    }
}
