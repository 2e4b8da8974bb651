package dev.orderpay.bootstrap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How log lines are written: readable text, or one JSON object per line. logback.xml includes the appender of the
 * same name (logback-text.xml, logback-json.xml), chosen by the system property {@code orderpay.log-format} or else
 * {@code ORDERPAY_LOG_FORMAT}, before the service's configuration is read; so the choice is checked here, before
 * anything is logged, and any other value stops the start instead of leaving the service without a log.
 */
enum LogFormat {
    TEXT, JSON;

    static final String PROPERTY = "orderpay.log-format";
    static final String VARIABLE = "ORDERPAY_LOG_FORMAT";

    static LogFormat choose(Map<String, String> environment, Properties systemProperties) {
        String chosen = systemProperties.getProperty(PROPERTY, environment.getOrDefault(VARIABLE, "text"));
        return Arrays.stream(values())
                .filter(format -> format.fileSuffix().equals(chosen))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        VARIABLE + " (" + PROPERTY + ") must be text or json, not '" + printable(chosen) + "'"));
    }

    /** How logback.xml names the file with its appender: logback-{suffix}.xml. */
    String fileSuffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A JSON log has no room for the start-up banner's drawing. */
    boolean showsBanner() {
        return this == TEXT;
    }

    private static String printable(String value) {
        return value.codePoints().limit(32).allMatch(point -> point >= 0x20 && point < 0x7F) && value.length() <= 32
                ? value : "(unprintable or too long)";
    }
}
