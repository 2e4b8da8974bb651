package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code promtool} (package {@code prometheus}). Where it is missing a check is skipped with the command that
 * installs it; with {@code ORDERPAY_REQUIRE_PROMTOOL=true} (as in CI, where {@code .ci/run} installs it) a missing
 * promtool is a failure instead, so a broken machine cannot pass as green.
 */
final class Promtool {

    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /** Runs promtool with the arguments (and {@code input} on standard input) and returns what it said. */
    static Result run(String input, String... arguments) throws IOException, InterruptedException {
        requireInstalled();
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + arguments[0] + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    private static void requireInstalled() {
        if (Files.isExecutable(PROMTOOL)) {
            return;
        }
        String missing = "Debian's promtool is not installed: apt-get install prometheus";
        if ("true".equals(System.getenv("ORDERPAY_REQUIRE_PROMTOOL"))) {
            throw new IllegalStateException("ORDERPAY_REQUIRE_PROMTOOL=true, but " + missing);
        }
        Assumptions.abort(missing);
    }

    record Result(int exitCode, String output) {
    }
}
