package dev.orderpay.adapter.rest.ratelimit;

import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests a client may make per period, as configured: {@code <requests>/<period>}, such as
 * {@code 6000/1m}. The period is whole seconds, minutes, hours or days, because the {@code RateLimit-Policy} header
 * states it in whole seconds.
 */
record RateLimit(long requests, Duration period) {

    // Far beyond any real limit, and small enough that Bucket4j's arithmetic on tokens and nanoseconds stays exact.
    static final long MAX_REQUESTS = 1_000_000_000L;
    static final Duration MAX_PERIOD = Duration.ofDays(1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,10})/(\\d{1,5})([smhd])");
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    /** Reads a setting's value; a value that is not a limit stops startup with a message naming the setting. */
    static RateLimit parse(String setting, String value) {
        Matcher parts = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!parts.matches()) {
            throw invalid(setting, value, "write <requests>/<period> with a period in whole s, m, h or d, e.g. 6000/1m");
        }
        long requests = Long.parseLong(parts.group(1));
        Duration period = Duration.of(Long.parseLong(parts.group(2)), UNITS.get(parts.group(3)));
        if (requests < 1 || requests > MAX_REQUESTS || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
            throw invalid(setting, value, "allow 1 to " + MAX_REQUESTS + " requests in a period of 1s to 1d");
        }
        return new RateLimit(requests, period);
    }

    /**
     * What one of {@code instances} instances enforces, so that together they allow what was configured. Rounded
     * down, so the instances never allow more than the configured limit between them.
     */
    RateLimit shareOf(int instances, String setting) {
        if (requests < instances) {
            throw new ConfigurationException(setting + " (" + Settings.environmentName(setting) + ") allows "
                    + requests + " requests, fewer than the " + instances + " instances it is shared among ("
                    + Settings.INSTANCES + "): each must allow at least one");
        }
        return new RateLimit(requests / instances, period);
    }

    long periodSeconds() {
        return period.toSeconds();
    }

    private static ConfigurationException invalid(String setting, String value, String rule) {
        return new ConfigurationException(setting + " (" + Settings.environmentName(setting) + ") is \"" + value
                + "\": " + rule);
    }
}
