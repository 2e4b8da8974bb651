package dev.orderpay.application.port.in.access;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.access.Scope;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A new managed API key: a name people recognise it by and the scopes it grants.
 *
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record CreateApiKeyCommand(String name, Set<Scope> scopes, Optional<IdempotencyKey> idempotencyKey) {

    public static final int MAX_NAME_LENGTH = 100;

    public CreateApiKeyCommand {
        Objects.requireNonNull(name, "name");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a key grants at least one scope");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public CreateApiKeyCommand withIdempotencyKey(IdempotencyKey key) {
        return new CreateApiKeyCommand(name, scopes, Optional.of(key));
    }

    /**
     * A digest of what is asked for. The scopes are in their fixed order, so the same set named in another order is
     * the same request; a name cannot hold a line break, so it is safe on its own line.
     */
    public String fingerprint() {
        return Fingerprint.of("name " + name + "\nscopes "
                + scopes.stream().map(Scope::wireName).collect(Collectors.joining(",")));
    }

    /** Builds the command from raw input, reporting every bad field at once; a scope named twice counts once. */
    public static CreateApiKeyCommand of(String name, List<String> scopes) {
        Map<String, String> errors = new LinkedHashMap<>();
        String validName = name == null ? null : name.strip();
        if (validName == null || validName.isEmpty()) {
            errors.put("name", "must be given");
        } else if (validName.length() > MAX_NAME_LENGTH) {
            errors.put("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        } else if (validName.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "must not contain control characters");
        }
        Set<Scope> validScopes = EnumSet.noneOf(Scope.class);
        if (scopes == null || scopes.isEmpty()) {
            errors.put("scopes", "must name at least one scope");
        } else {
            for (int i = 0; i < scopes.size(); i++) {
                Optional<Scope> scope = Optional.ofNullable(scopes.get(i)).flatMap(Scope::fromWireName);
                if (scope.isPresent()) {
                    validScopes.add(scope.get());
                } else {
                    errors.put("scopes[" + i + "]", "must be one of " + Scope.all());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CreateApiKeyCommand(validName, validScopes, Optional.empty());
    }
}
