package dev.orderpay.bootstrap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a browser test only where Debian's {@code chromium} and {@code chromium-driver} are installed, and otherwise
 * reports it skipped with the reason and the command that installs them. With {@code ORDERPAY_REQUIRE_BROWSER=true}
 * (as in CI) a missing browser is a failure instead: a skipped test there would hide a broken machine.
 */
final class ChromiumInstalled implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String NOT_INSTALLED = "Debian's chromium and chromium-driver are not installed:"
            + " apt-get install chromium chromium-driver";

    private final Path chromium;
    private final Path chromedriver;
    private final boolean required;

    /** As JUnit creates it for {@code @ExtendWith}: Debian's paths, and the requirement from the environment. */
    ChromiumInstalled() {
        this(CHROMIUM, CHROMEDRIVER, "true".equals(System.getenv("ORDERPAY_REQUIRE_BROWSER")));
    }

    ChromiumInstalled(Path chromium, Path chromedriver, boolean required) {
        this.chromium = chromium;
        this.chromedriver = chromedriver;
        this.required = required;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate();
    }

    ConditionEvaluationResult evaluate() {
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
            return ConditionEvaluationResult.enabled(chromium + " and " + chromedriver + " are installed");
        }
        if (required) {
            throw new IllegalStateException("ORDERPAY_REQUIRE_BROWSER=true, but " + NOT_INSTALLED);
        }
        return ConditionEvaluationResult.disabled(NOT_INSTALLED);
    }
}
