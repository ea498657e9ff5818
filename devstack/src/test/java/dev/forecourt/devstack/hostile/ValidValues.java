package dev.forecourt.devstack.hostile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a plausible, mostly valid value from an OpenAPI schema (bounds, patterns, enums, formats,
 * demo facts for well-known field names), so that a hostile value put into one field gets past
 * the other fields' checks. Records every slot (JSON pointer and schema type) it filled, for the
 * field-level hostile cases.
 */
public final class ValidValues {

    /** A place in a generated body: its JSON pointer and its schema. */
    public record Slot(String pointer, String type, JsonNode schema) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 5;

    private final JsonNode components;
    private final Random random;
    private final boolean optionalToo;
    private final List<Slot> slots = new ArrayList<>();

    private ValidValues(JsonNode components, Random random, boolean optionalToo) {
        this.components = components;
        this.random = random;
        this.optionalToo = optionalToo;
    }

    /** A body with every property the schema knows (so that every field can be attacked). */
    public static Generated full(JsonNode schema, JsonNode components, Random random) {
        ValidValues values = new ValidValues(components, random, true);
        JsonNode body = values.value(schema, "", "", 0);
        return new Generated(body, List.copyOf(values.slots));
    }

    /** A body with the required properties only. */
    public static Generated minimal(JsonNode schema, JsonNode components, Random random) {
        ValidValues values = new ValidValues(components, random, false);
        JsonNode body = values.value(schema, "", "", 0);
        return new Generated(body, List.copyOf(values.slots));
    }

    /** A valid value for a parameter, as text. */
    public static String parameter(String name, JsonNode schema, JsonNode components, Random random) {
        JsonNode value = new ValidValues(components, random, false).value(schema, name, "", 0);
        return value.isString() ? value.asString() : value.toString();
    }

    public record Generated(JsonNode body, List<Slot> slots) {
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.path("allOf").size() > 0) {
            return resolve(current.path("allOf").get(0));
        }
        if (current.has("oneOf") && current.path("oneOf").size() > 0) {
            return resolve(current.path("oneOf").get(0));
        }
        return current;
    }

    private JsonNode value(JsonNode raw, String name, String pointer, int depth) {
        JsonNode schema = resolve(raw);
        String type = type(schema);
        if (!pointer.isEmpty()) {
            slots.add(new Slot(pointer, type, schema));
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth >= MAX_DEPTH) {
                    return object;
                }
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                for (var property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || optionalToo) {
                        object.set(property.getKey(), value(property.getValue(), property.getKey(),
                                pointer + "/" + property.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int max = schema.path("maxItems").asInt(10);
                if (max > 0 && depth < MAX_DEPTH && (optionalToo || schema.path("minItems").asInt(0) > 0)) {
                    array.add(value(schema.path("items"), singular(name), pointer + "/0", depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 10);
                long chosen = Math.max(min, Math.min(max, name.toLowerCase(Locale.ROOT).contains("size") ? 20 : 1));
                return NODES.numberNode(chosen);
            }
            case "number" -> {
                double min = schema.has("minimum") ? schema.path("minimum").asDouble() : 1;
                double max = schema.has("maximum") ? schema.path("maximum").asDouble() : Math.max(min, 10);
                return NODES.numberNode(new java.math.BigDecimal(Math.max(min, Math.min(max, 1.5))).setScale(2, java.math.RoundingMode.HALF_UP));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(string(schema, name));
            }
        }
    }

    static String type(JsonNode schema) {
        if (schema.has("type")) {
            JsonNode type = schema.path("type");
            return type.isArray() ? type.get(0).asString() : type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    private String string(JsonNode schema, String name) {
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asString();
        }
        String format = schema.path("format").asString("");
        switch (format) {
            case "date-time" -> {
                return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            }
            case "date" -> {
                return LocalDate.now().toString();
            }
            case "email" -> {
                return "fault.test@example.com";
            }
            case "uuid" -> {
                return "00000000-0000-0000-0000-000000000000";
            }
            default -> {
            }
        }
        String known = known(name.toLowerCase(Locale.ROOT));
        String pattern = schema.path("pattern").asString("");
        if (!pattern.isEmpty() && (known == null || !known.matches(pattern))) {
            try {
                String sample = RegexSample.of(pattern, random);
                if (sample.matches(pattern)) {
                    return sample;
                }
            } catch (RuntimeException unsupported) {
                // fall through to a plain value
            }
        }
        String value = known != null ? known : "hostile-base";
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        if (value.length() > max) {
            value = value.substring(0, max);
        }
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.toString();
    }

    /** Demo facts for well-known names (docs/service-guide.md), so cross-field checks pass more often. */
    private static String known(String name) {
        if (name.contains("vin")) {
            return "LSVAB4BM6RN999999"; // valid, and none of the demo cars other end-to-end tests look at
        }
        if (name.contains("phone") || name.equals("mobile")) {
            return "13999999999"; // not a demo customer
        }
        if (name.contains("partnumber")) {
            return "06L115562B";
        }
        if (name.equals("currency")) {
            return "CNY";
        }
        if (name.equals("brand")) {
            return "Volkswagen";
        }
        if (name.equals("model")) {
            return "Lavida";
        }
        if (name.equals("username")) {
            return "hostile-nobody"; // never a demo account: failed logins must not lock anyone out
        }
        if (name.equals("password")) {
            return "not-the-password";
        }
        return null;
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
