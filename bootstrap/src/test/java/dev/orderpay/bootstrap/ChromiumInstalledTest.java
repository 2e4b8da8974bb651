package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumInstalledTest {

    @TempDir
    Path bin;

    @Test
    void given_no_browser_when_it_is_not_required_then_the_test_is_skipped_saying_how_to_install_it() {
        ConditionEvaluationResult result = new ChromiumInstalled(bin.resolve("chromium"), bin.resolve("chromedriver"),
                false).evaluate();

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("apt-get install chromium chromium-driver"));
    }

    @Test
    void given_a_browser_without_its_driver_when_it_is_not_required_then_the_test_is_skipped() throws IOException {
        ConditionEvaluationResult result = new ChromiumInstalled(executable("chromium"), bin.resolve("chromedriver"),
                false).evaluate();

        assertThat(result.isDisabled()).isTrue();
    }

    @Test
    void given_no_browser_when_it_is_required_then_the_test_fails_saying_what_is_missing() {
        ChromiumInstalled required = new ChromiumInstalled(bin.resolve("chromium"), bin.resolve("chromedriver"), true);

        assertThatThrownBy(required::evaluate)
                .hasMessageContaining("ORDERPAY_REQUIRE_BROWSER")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Test
    void given_browser_and_driver_installed_then_the_test_runs() throws IOException {
        ConditionEvaluationResult result = new ChromiumInstalled(executable("chromium"), executable("chromedriver"),
                true).evaluate();

        assertThat(result.isDisabled()).isFalse();
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(bin.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
