package dev.orderpay.adapter.rest.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a merchant's request body against the record it will be read into, before the framework reads it.
 * Micronaut's serde coerces ({@code true} becomes 1, {@code "100"} a number, {@code 123} a string), keeps the first
 * of two equal keys and ignores what follows the value; a payment API must refuse all of that, so this reads the
 * JSON once with Jackson's own strict settings and compares every value's JSON type with the field it fills.
 */
final class StrictJson {

    // Comments and other extensions are off by default; duplicate keys are refused by the parser itself.
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Map<String, String> errors = new LinkedHashMap<>();

    private StrictJson() {
    }

    /** The body is not one well-formed JSON value: a syntax error, a comment, a duplicate key or trailing data. */
    static final class MalformedJsonException extends Exception {
        MalformedJsonException(String reason) {
            super(reason);
        }
    }

    /**
     * Every field of {@code body} that the request type does not have, or whose JSON type does not fit, by its path
     * ({@code items[3].amount}); empty when the body fits. A JSON {@code null} counts as a missing value.
     *
     * @param bodyType the record the body is read into; {@link Argument#VOID} when the request takes no body
     * @throws MalformedJsonException when the body is not exactly one JSON object
     */
    static Map<String, String> misfits(byte[] body, Argument<?> bodyType) throws MalformedJsonException {
        StrictJson check = new StrictJson();
        try (JsonParser parser = STRICT.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedJsonException("the body is not a JSON object");
            }
            check.object(parser, "", bodyType);
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("data follows the JSON value");
            }
        } catch (JsonProcessingException malformed) {
            throw new MalformedJsonException(malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            // Bytes that are not UTF-8 surface here, as the parser decodes them.
            throw new MalformedJsonException("the body cannot be read as UTF-8 JSON");
        }
        return check.errors;
    }

    /** Reads the object the parser is at (its START_OBJECT already read), checking each member against the type. */
    private void object(JsonParser parser, String path, Argument<?> type) throws IOException {
        Optional<BeanIntrospection<Object>> fields = introspection(type);
        boolean map = Map.class.isAssignableFrom(type.getType());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            parser.nextToken();
            Optional<Argument<?>> fieldType = map
                    ? Optional.of(type.getTypeParameters().length == 2 ? type.getTypeParameters()[1] : Argument.OBJECT_ARGUMENT)
                    : fields.flatMap(bean -> field(bean, name));
            if (fieldType.isEmpty()) {
                errors.put(fieldPath, "is not a field of this request");
                parser.skipChildren();
            } else {
                value(parser, fieldPath, fieldType.get());
            }
        }
    }

    private void value(JsonParser parser, String path, Argument<?> type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        Class<?> java = type.getType();
        if (isWholeNumber(java)) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                refuse(parser, path, "must be a JSON integer, without a fraction, an exponent or quotes");
            } else if (!fitsLong(parser.getBigIntegerValue())) {
                errors.put(path, "is too large");
            }
        } else if (java == BigDecimal.class) {
            // Decimals are taken as written (never through a double), so 0.1 stays exactly 0.1.
            if (!token.isNumeric()) {
                refuse(parser, path, "must be a JSON number, without quotes");
            }
        } else if (java == String.class) {
            if (token != JsonToken.VALUE_STRING) {
                refuse(parser, path, "must be a JSON string");
            }
        } else if (java == Boolean.class || java == boolean.class) {
            if (!token.isBoolean()) {
                refuse(parser, path, "must be true or false");
            }
        } else if (Collection.class.isAssignableFrom(java)) {
            if (token != JsonToken.START_ARRAY) {
                refuse(parser, path, "must be a JSON array");
                return;
            }
            Argument<?> element = type.getTypeParameters().length == 1
                    ? type.getTypeParameters()[0] : Argument.OBJECT_ARGUMENT;
            for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                value(parser, path + "[" + index + "]", element);
            }
        } else if (token != JsonToken.START_OBJECT) {
            refuse(parser, path, "must be a JSON object");
        } else {
            object(parser, path, type);
        }
    }

    private void refuse(JsonParser parser, String path, String reason) throws IOException {
        errors.put(path, reason);
        parser.skipChildren();
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == BigInteger.class;
    }

    private static boolean fitsLong(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
    }

    private static Optional<BeanIntrospection<Object>> introspection(Argument<?> type) {
        @SuppressWarnings("unchecked")
        Class<Object> java = (Class<Object>) type.getType();
        return BeanIntrospector.SHARED.findIntrospection(java);
    }

    /** The property a JSON name fills: its {@code @JsonProperty} name where it has one, else its own name. */
    private static Optional<Argument<?>> field(BeanIntrospection<Object> bean, String jsonName) {
        for (BeanProperty<Object, Object> property : bean.getBeanProperties()) {
            String name = property.stringValue(JsonProperty.class).orElse(property.getName());
            if (name.equals(jsonName)) {
                return Optional.of(property.asArgument());
            }
        }
        return Optional.empty();
    }
}
