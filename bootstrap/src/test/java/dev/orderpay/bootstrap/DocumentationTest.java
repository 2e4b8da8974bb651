package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The module list and the port table are the parts of the docs that drift first; these checks keep them true. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PORTS = ROOT.resolve("application/src/main/java/dev/orderpay/application/port");

    @Test
    void every_maven_module_is_in_the_readmes_module_table_and_the_architecture_diagram() throws IOException {
        List<String> modules = matches(Files.readString(ROOT.resolve("pom.xml")), "<module>([^<]+)</module>");
        String readme = Files.readString(ROOT.resolve("README.md"));
        String architecture = Files.readString(ROOT.resolve("docs/architecture.md"));

        assertThat(modules).isNotEmpty().allSatisfy(module -> {
            assertThat(readme).as("README module table").contains("| `" + module + "` |");
            assertThat(architecture).as("docs/architecture.md").contains("**" + module + "**");
        });
        assertThat(architecture).contains("service in " + spelled(modules.size()) + " Maven modules");
    }

    @Test
    void every_port_is_in_the_architecture_port_table() throws IOException {
        String portTable = Files.readString(ROOT.resolve("docs/architecture.md")).lines()
                .filter(line -> line.startsWith("| `"))
                .reduce("", (table, line) -> table + line + "\n");

        assertThat(ports()).isNotEmpty()
                .allSatisfy(port -> assertThat(portTable).as("port table row for " + port).contains("`" + port + "`"));
    }

    /** Every interface in the port packages that is a port: the use cases and the outbound capabilities. */
    private static List<String> ports() throws IOException {
        try (Stream<Path> files = Files.walk(PORTS)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(DocumentationTest::declaresAPort)
                    .map(file -> file.getFileName().toString().replace(".java", ""))
                    .sorted()
                    .toList();
        }
    }

    private static boolean declaresAPort(Path file) {
        try {
            String source = Files.readString(file);
            boolean inbound = file.getFileName().toString().endsWith("UseCase.java");
            boolean outbound = file.toString().contains("/port/out/") && source.contains("public interface ");
            return inbound || outbound;
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }

    private static String spelled(int count) {
        return List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
                .get(count);
    }
}
