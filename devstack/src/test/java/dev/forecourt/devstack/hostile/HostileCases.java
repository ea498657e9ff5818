package dev.forecourt.devstack.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.forecourt.devstack.hostile.ApiOperations.Operation;
import dev.forecourt.devstack.hostile.ApiOperations.Parameter;
import dev.forecourt.devstack.hostile.ValidValues.Generated;
import dev.forecourt.devstack.hostile.ValidValues.Slot;
import tools.jackson.databind.JsonNode;

/**
 * Hostile requests for one operation, built from its OpenAPI description around a plausible
 * valid request: malformed JSON, wrong types, a 5 MB body, 10,000 levels of nesting, MongoDB
 * operators in body fields and query parameters, unicode (RTL, zero-width, surrogate pairs, NUL),
 * absurd numbers and hostile path ids. Every operation gets the whole-body and path cases; the
 * field-level cases are sampled (seeded) up to a budget per operation.
 */
public final class HostileCases {

    /** One request: what it attacks, and the request itself ({@code body} null for none). */
    public record Case(String category, String what, String method, String pathAndQuery, String body) {
    }

    static final String NOT_FOUND_ID = "00000000-fault-absent";
    static final String NOT_FOUND_NUMBER = "987654";
    private static final String HOLE = "@@HOSTILE@@";
    private static final int HUGE = 5 * 1024 * 1024;
    private static final int DEEP = 10_000;

    /** MongoDB operators, as JSON values put where a plain value belongs. */
    static final List<String> OPERATOR_VALUES = List.of(
            "{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(5000) || true\"}", "{\"$regex\":\".*\"}",
            "{\"$in\":[\"a\",\"b\"]}", "[{\"$gt\":\"\"}]", "{\"$expr\":{\"$eq\":[1,1]}}",
            "\"{\\\"$gt\\\":\\\"\\\"}\"", "\"$where\"", "\"'; return true; var x='\"", "\"a.$.b\"", "\"$set\"");

    /** Strings that trip naive text handling. */
    static final List<String> UNICODE_VALUES = List.of(
            "\"\\u202Egnp.exe\\u202C 张伟\"", "\"zero\\u200Bwidth\\u200C\\u200D\\uFEFF\"", "\"\\uD835\\uDD18\\uD835\\uDD2B 😀👨‍👩‍👧\"",
            "\"\\uD800 lone high surrogate\"", "\"\\uDFFF lone low surrogate\"", "\"nul\\u0000byte\"", "\"\\u0000\"",
            "\"e\\u0301\\u0301\\u0301\\u0301\\u0301\"", "\"\\u0645\\u0631\\u062D\\u0628\\u0627\"", "\"\\uFFFF\\uFFFE\"",
            "\"" + "界".repeat(70_000) + "\"", "\"\\r\\n\\t\\b\\f\"", "\"<script>alert(1)</script>\"");

    /** Numbers no field expects. Some are not even JSON (NaN). */
    static final List<String> ABSURD_NUMBERS = List.of(
            "1e308", "-1e308", "1e309", "-1", "0", "9223372036854775808", "-9223372036854775809", "2147483648",
            "1e-400", "\"NaN\"", "NaN", "\"Infinity\"", "-0.0", "123456789012345678901234567890.123456789",
            "0.000000000000000000001", "1.7976931348623157E309", "\"1e308\"", "99999999999999999999999999999999999999");

    private static final Map<String, List<String>> WRONG_TYPES = Map.of(
            "string", List.of("123", "true", "{}", "[]", "[\"a\"]", "null"),
            "integer", List.of("\"abc\"", "1.5", "true", "{}", "[]", "\"1\""),
            "number", List.of("\"abc\"", "true", "{}", "[]", "\"1,5\""),
            "boolean", List.of("\"yes\"", "2", "{}", "[]", "\"tru\""),
            "array", List.of("\"x\"", "{}", "1", "[[[]]]", "[null]"),
            "object", List.of("\"x\"", "1", "[]", "true", "{\"\":{}}"));

    static final List<String> HOSTILE_IDS = List.of(
            "{\"$gt\":\"\"}", "$where", "[$ne]", "..", "../../actuator", "%00", "\u0000", "a\u0000b",
            "\u202Egnp.exe", "zero\u200Bwidth", "😀", "\uD835\uDD18", "' OR '1'='1", "-1", "9223372036854775808", "1e308", "NaN",
            "x".repeat(5000), " ", "a/b", "a;b", "a%2Fb", "null", "undefined", "{}", "<script>");

    static final List<String> MALFORMED = List.of(
            "{", "{\"a\":", "not json", "{\"a\":1,}", "[1,2", "{}}}", "\uFEFF{}", "{'single':'quotes'}",
            "{\"a\":\"unterminated}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":\"\u0001control\"}", "",
            "null", "[]", "\"just a string\"", "123", "true", "{\"a\" 1}", "{\"a\":1}{\"b\":2}",
            "{\"__proto__\":{\"admin\":true}}", "{\"constructor\":{\"prototype\":{}}}");

    private HostileCases() {
    }

    /** Every case for this operation, field-level ones sampled to at most {@code fieldBudget}. */
    public static List<Case> forOperation(Operation op, Random random, int fieldBudget) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            // a numeric path parameter gets a number no record has, so the body is what is judged
            boolean numeric = p.schema() != null && ("integer".equals(p.schema().path("type").asText())
                    || "number".equals(p.schema().path("type").asText()));
            pathValues.put(p.name(), numeric ? NOT_FOUND_NUMBER : NOT_FOUND_ID);
        }
        Map<String, String> validQuery = new LinkedHashMap<>();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                validQuery.put(p.name(), ValidValues.parameter(p.name(), p.schema(), op.components(), random));
            }
        }
        String validPath = path(op.path(), pathValues) + query(validQuery);

        // path ids
        for (Parameter p : op.in("path")) {
            for (String id : HOSTILE_IDS) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(p.name(), id);
                cases.add(new Case("path-id", p.name() + "=" + abbreviate(id), op.method(), path(op.path(), values) + query(validQuery),
                        op.hasBody() ? minimalBody(op, random) : null));
            }
        }

        // query parameters: operators (value and [$op] style), unicode, absurd numbers, wrong types
        List<Case> queryCases = new ArrayList<>();
        List<String> names = new ArrayList<>(op.in("query").stream().map(Parameter::name).toList());
        if (names.isEmpty() && !op.mutating()) {
            names.add("q"); // an undeclared parameter must be ignored harmlessly too
        }
        for (String name : names) {
            String base = path(op.path(), pathValues);
            for (String operator : List.of("$ne", "$gt", "$regex", "$where", "$exists")) {
                queryCases.add(new Case("query-operator", name + "[" + operator + "]=", op.method(),
                        base + "?" + enc(name + "[" + operator + "]") + "=" + enc(operator.equals("$where") ? "1==1" : ""), bodyFor(op, random)));
            }
            for (String raw : List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(5000)\"}", ".*", "^", "(a+)+$", "\\", "$where")) {
                queryCases.add(new Case("query-operator", name + "=" + raw, op.method(), base + withParam(validQuery, name, raw), bodyFor(op, random)));
            }
            for (String raw : List.of("\u202Eevil", "zero\u200Bwidth", "😀\uD835\uDD18", "nul\u0000byte", "界".repeat(3000))) {
                queryCases.add(new Case("query-unicode", name + "=" + abbreviate(raw), op.method(), base + withParam(validQuery, name, raw), bodyFor(op, random)));
            }
            for (String raw : List.of("1e308", "-1", "9223372036854775808", "NaN", "Infinity", "-2147483649", "abc", "true", "")) {
                queryCases.add(new Case("query-number", name + "=" + raw, op.method(), base + withParam(validQuery, name, raw), bodyFor(op, random)));
            }
            queryCases.add(new Case("query-repeated", name + " twice", op.method(),
                    base + "?" + enc(name) + "=a&" + enc(name) + "=b", bodyFor(op, random)));
        }
        Collections.shuffle(queryCases, random);
        cases.addAll(queryCases.subList(0, Math.min(queryCases.size(), Math.max(fieldBudget / 2, 8))));

        if (!op.hasBody()) {
            if (op.mutating()) {
                // a body nobody asked for
                cases.add(new Case("malformed-json", "unexpected body", op.method(), validPath, "{\"$where\":\"1==1\""));
            }
            return cases;
        }

        // whole bodies
        for (String malformed : MALFORMED) {
            cases.add(new Case("malformed-json", abbreviate(malformed), op.method(), validPath, malformed));
        }
        cases.add(new Case("deep-nesting", DEEP + " nested arrays", op.method(), validPath, "[".repeat(DEEP) + "]".repeat(DEEP)));
        cases.add(new Case("deep-nesting", DEEP + " nested objects", op.method(), validPath,
                "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
        cases.add(new Case("huge-body", "5 MB unknown field", op.method(), validPath,
                "{\"padding\":\"" + "x".repeat(HUGE) + "\"}"));
        cases.add(new Case("operator-injection", "top-level $where", op.method(), validPath,
                "{\"$where\":\"sleep(5000) || true\",\"$set\":{\"storeId\":\"store-666\"}}"));

        Generated full = ValidValues.full(op.bodySchema(), op.components(), random);
        String template = ApiOperations.JSON.writeValueAsString(full.body());
        List<Case> fieldCases = new ArrayList<>();
        boolean hugeDone = false;
        boolean deepDone = false;
        for (Slot slot : full.slots()) {
            String withHole = withHole(full.body(), slot.pointer());
            if (withHole == null) {
                continue;
            }
            for (String wrong : WRONG_TYPES.getOrDefault(slot.type(), List.of())) {
                fieldCases.add(fieldCase("wrong-type", slot, wrong, op, validPath, withHole));
            }
            if (!"object".equals(slot.type()) && !"array".equals(slot.type())) {
                for (String operator : OPERATOR_VALUES) {
                    fieldCases.add(fieldCase("operator-injection", slot, operator, op, validPath, withHole));
                }
            }
            if ("string".equals(slot.type())) {
                for (String text : UNICODE_VALUES) {
                    fieldCases.add(fieldCase("unicode", slot, text, op, validPath, withHole));
                }
                if (!hugeDone) {
                    cases.add(fieldCase("huge-body", slot, "\"" + "x".repeat(HUGE) + "\"", op, validPath, withHole));
                    hugeDone = true;
                }
            }
            if ("integer".equals(slot.type()) || "number".equals(slot.type())) {
                for (String number : ABSURD_NUMBERS) {
                    fieldCases.add(fieldCase("absurd-number", slot, number, op, validPath, withHole));
                }
            }
            if ("array".equals(slot.type()) && !hugeDone) {
                cases.add(fieldCase("huge-body", slot, "[" + "1,".repeat(HUGE / 2) + "1]", op, validPath, withHole));
                hugeDone = true;
            }
            if (("object".equals(slot.type()) || "array".equals(slot.type())) && !deepDone) {
                cases.add(fieldCase("deep-nesting", slot, "[".repeat(DEEP) + "]".repeat(DEEP), op, validPath, withHole));
                deepDone = true;
            }
        }
        Collections.shuffle(fieldCases, random);
        cases.addAll(fieldCases.subList(0, Math.min(fieldCases.size(), fieldBudget)));
        cases.addAll(strictInput(op, full, template, validPath));
        cases.add(new Case("baseline", "the plausible body itself", op.method(), validPath, template));
        return cases;
    }

    /**
     * What strict input must refuse, every case for every operation with a JSON object body (not
     * sampled: a handful each): unknown keys ({@code $where}, {@code a.b}) beside a plausible body,
     * NUL in text, a number for text, {@code 1} for a boolean, {@code "1"} and {@code 1.5} for a whole
     * number, a third decimal in money, and the body as XML (415).
     */
    static List<Case> strictInput(Operation op, Generated full, String template, String path) {
        List<Case> cases = new ArrayList<>();
        if (!template.startsWith("{")) {
            return cases;
        }
        String open = template.equals("{}") ? "{" : template.substring(0, template.length() - 1) + ",";
        cases.add(new Case(STRICT, "unknown key $where", op.method(), path, open + "\"$where\":\"sleep(5000) || true\"}"));
        cases.add(new Case(STRICT, "unknown key a.b", op.method(), path, open + "\"a.b\":\"dotted\"}"));
        cases.add(new Case(XML, "the body as XML", op.method(), path, "<request><name>xml</name></request>"));
        Map<String, List<String>> firstOfType = new java.util.LinkedHashMap<>();
        firstOfType.put("string", List.of("\"nul\\u0000byte\"", "12345"));
        firstOfType.put("boolean", List.of("1"));
        firstOfType.put("integer", List.of("\"1\"", "1.5"));
        for (Map.Entry<String, List<String>> type : firstOfType.entrySet()) {
            full.slots().stream().filter(slot -> slot.type().equals(type.getKey())).filter(slot -> slot.schema().path("enum").isMissingNode())
                    .map(slot -> java.util.Map.entry(slot, withHole(full.body(), slot.pointer()))).filter(e -> e.getValue() != null).findFirst()
                    .ifPresent(e -> type.getValue().forEach(raw -> cases.add(fieldCase(STRICT, e.getKey(), raw, op, path, e.getValue()))));
        }
        full.slots().stream().filter(slot -> slot.pointer().endsWith("/amount") && "number".equals(slot.type()))
                .map(slot -> java.util.Map.entry(slot, withHole(full.body(), slot.pointer()))).filter(e -> e.getValue() != null).findFirst()
                .ifPresent(e -> cases.add(fieldCase(STRICT, e.getKey(), "1.005", op, path, e.getValue())));
        return cases;
    }

    /** Categories whose every request must be refused (4xx): strict input. */
    public static final String STRICT = "strict-input";
    public static final String XML = "strict-media-type";

    private static Case fieldCase(String category, Slot slot, String raw, Operation op, String path, String withHole) {
        return new Case(category, slot.pointer() + "=" + abbreviate(raw), op.method(), path, withHole.replace("\"" + HOLE + "\"", raw));
    }

    private static String withHole(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof tools.jackson.databind.node.ObjectNode object) {
            object.put(last, HOLE);
        } else if (parent instanceof tools.jackson.databind.node.ArrayNode array && !array.isEmpty()) {
            array.set(Integer.parseInt(last), array.stringNode(HOLE));
        } else {
            return null;
        }
        return ApiOperations.JSON.writeValueAsString(copy);
    }

    private static String bodyFor(Operation op, Random random) {
        return op.hasBody() ? minimalBody(op, random) : null;
    }

    private static String minimalBody(Operation op, Random random) {
        return ApiOperations.JSON.writeValueAsString(ValidValues.minimal(op.bodySchema(), op.components(), random).body());
    }

    private static String path(String template, Map<String, String> values) {
        String path = template;
        for (var entry : values.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", enc(entry.getValue()));
        }
        return path;
    }

    private static String query(Map<String, String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        values.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(enc(k)).append('=').append(enc(v)));
        return query.toString();
    }

    private static String withParam(Map<String, String> valid, String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(valid);
        values.put(name, value);
        return query(values);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String value) {
        String shown = value.length() > 40 ? value.substring(0, 30) + "…(" + value.length() + " chars)" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x200B && cp <= 0x202E) || cp == 0xFEFF) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
