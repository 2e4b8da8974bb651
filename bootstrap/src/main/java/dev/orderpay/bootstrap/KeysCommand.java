package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.port.in.access.CreateApiKeyUseCase;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.Actor;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code java -jar orderpay.jar keys create --name <name> --scopes <scope,scope>}: creates a managed API key in the
 * database the service would use, without serving requests, and prints the key once. It is how the first key is
 * made where no key is set in {@code ORDERPAY_API_KEYS}, so a key from here may grant every scope.
 */
final class KeysCommand {

    static final String NAME = "keys";
    /** Who the audit log names as having created a key here: no API key sent the request. */
    static final String ACTOR = "keys-command";
    static final String USAGE = "usage: java -jar orderpay.jar keys create --name <name> --scopes <scope>[,<scope>...]"
            + System.lineSeparator() + "scopes: " + String.join(", ", Scope.all().stream().map(Scope::wireName)
            .toList());

    private KeysCommand() {
    }

    /**
     * Runs the command; the key alone goes to {@code out} (as the last line), what was made to {@code err}.
     *
     * @param startContext starts the application context, without its HTTP server, with the service's settings
     * @return the process's exit status: 0 when the key was created, 2 for a wrong command line
     */
    static int run(List<String> args, PrintStream out, PrintStream err,
                   Function<Map<String, Object>, ApplicationContext> startContext) {
        Optional<CreateApiKeyCommand> command = parse(args, err);
        if (command.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        // Only what creating a key needs: nothing is scheduled and nothing listens.
        Map<String, Object> quiet = new HashMap<>();
        quiet.put("orderpay.reconcile-enabled", "false");
        CreateApiKeyResult.Created created;
        try (ApplicationContext context = startContext.apply(quiet)) {
            // Without an idempotency key the key is always made here and now, and every scope is held.
            IdempotentResult<CreateApiKeyResult> result = context.getBean(CreateApiKeyUseCase.class)
                    .createKey(command.get(), Scope.all(), new Actor(ACTOR, UUID.randomUUID().toString()));
            created = (CreateApiKeyResult.Created) ((IdempotentResult.Executed<CreateApiKeyResult>) result).result();
        }
        // After the context has stopped, so the key is the last line out, after the service's log lines.
        err.println("Created API key " + created.key().id() + " (" + created.key().name() + ") with scopes "
                + String.join(",", created.key().scopes().stream().map(Scope::wireName).toList())
                + ". It is shown this once, on the last line of standard output; only its digest is kept.");
        out.println(created.plain().value());
        return 0;
    }

    private static Optional<CreateApiKeyCommand> parse(List<String> args, PrintStream err) {
        if (args.size() != 5 || !"create".equals(args.get(0))) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        if (!options.keySet().equals(Set.of("--name", "--scopes"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(CreateApiKeyCommand.of(options.get("--name"),
                    Arrays.stream(options.get("--scopes").split(",")).map(String::trim).toList()));
        } catch (InvalidCommandException invalid) {
            invalid.fieldErrors().forEach((field, reason) -> err.println(field + " " + reason));
            return Optional.empty();
        }
    }
}
