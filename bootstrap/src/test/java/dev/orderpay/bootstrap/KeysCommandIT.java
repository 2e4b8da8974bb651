package dev.orderpay.bootstrap;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar orderpay.jar keys create ...} on the packaged jar: the first key of a deployment without
 * {@code ORDERPAY_API_KEYS}, made against the database the service then uses.
 */
class KeysCommandIT {

    private static final Path WORK = Path.of("target", "keys-command");

    @Test
    void given_a_name_and_scopes_then_the_command_prints_a_key_the_service_then_accepts() throws Exception {
        Map<String, String> environment = ServiceProcess.onTheTestDatabase();
        environment.remove("ORDERPAY_API_KEYS");

        Run created = run(environment, "keys", "create", "--name", "operations", "--scopes", "keys:manage,orders:read");

        assertThat(created.status()).as(created.err()).isZero();
        List<String> lines = created.out().lines().toList();
        String key = lines.get(lines.size() - 1);
        assertThat(key).matches("op_[0-9A-Za-z]{43}");
        assertThat(created.err()).contains("operations").contains("orders:read,keys:manage").doesNotContain(key);
        try (ServiceProcess service = ServiceProcess.start(WORK, environment)) {
            ServiceClient client = new ServiceClient(service.base(), JsonMapper.createDefault());

            assertThat(client.get("/api-keys", "Authorization", "Bearer " + key).body()).contains("operations")
                    .doesNotContain(key);
            assertThat(client.get("/orders", "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
            assertThat(client.postJson("/orders", "{}", "Authorization", "Bearer " + key).statusCode())
                    .isEqualTo(403);
            // The key's creation is audited under the command, with nothing of the key but its id.
            assertThat(client.get("/audit-log?actor=keys-command", "Authorization", "Bearer " + key).body())
                    .contains("\"action\":\"api_key.created\"").doesNotContain(key);
            assertThat(service.log()).doesNotContain(key);
        }
    }

    @Test
    void given_an_unknown_scope_then_the_command_says_so_and_creates_nothing() throws Exception {
        Run refused = run(ServiceProcess.onTheTestDatabase(), "keys", "create", "--name", "x", "--scopes",
                "orders:read,everything");

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("scopes[1]").contains("usage: java -jar orderpay.jar keys create");
        assertThat(refused.out()).doesNotContain("op_");
    }

    private static Run run(Map<String, String> environment, String... args) throws Exception {
        Files.createDirectories(WORK);
        Path out = Files.createTempFile(Files.createDirectories(WORK), "keys", ".out");
        Path err = Files.createTempFile(WORK, "keys", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(WORK.resolve("tmp")).toAbsolutePath(),
                "-jar", ServiceProcess.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the keys command did not end within a minute");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(int status, String out, String err) {
    }
}
