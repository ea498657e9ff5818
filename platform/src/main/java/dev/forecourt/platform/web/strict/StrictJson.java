package dev.forecourt.platform.web.strict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. What a client sends is what it meant, or it is refused
 * with 400 naming the field — never guessed at:
 * <ul>
 * <li>unknown properties ({@code $where}, {@code a.b}, a misspelt field) are refused;</li>
 * <li>no coercion between types: {@code "name": 12345}, {@code "callConsent": 1},
 * {@code "minStock": "1"} and {@code "minStock": 1.5} are refused;</li>
 * <li>text must not contain NUL or other control characters (tab, line feed and carriage return
 * are allowed in free text);</li>
 * <li>dates and times must lie between {@value #FIRST_YEAR} and {@value #LAST_YEAR}.</li>
 * </ul>
 * Money with more than two decimals or out of range is refused by {@code Money} itself (422).
 * Only HTTP bodies are read this way: events from other services are read leniently (a consumer
 * takes the fields it needs), with the service's ordinary mapper.
 */
public final class StrictJson {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** The start of every message of ours, so the error advice can show it as it is. */
    public static final String REFUSED = "refused: ";

    private StrictJson() {
    }

    public static JsonMapper strict(JsonMapper lenient) {
        SimpleModule module = new SimpleModule("forecourt-strict-input");
        module.addDeserializer(String.class, new PlainText());
        module.setDeserializerModifier(new DatesInRange());
        return lenient.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(module)
                .build();
    }

    /** A JSON string, free of control characters other than tab, line feed and carriage return. */
    static final class PlainText extends StdDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    return ctxt.reportInputMismatch(String.class, REFUSED + "contains the control character U+%04X", (int) c);
                }
            }
            return text;
        }
    }

    /** Wraps the java.time readers: a year outside the sane range is refused, not stored. */
    static final class DatesInRange extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == LocalDate.class || type == LocalDateTime.class || type == Instant.class
                    || type == OffsetDateTime.class || type == YearMonth.class) {
                return new InRange(deserializer);
            }
            return deserializer;
        }
    }

    static final class InRange extends DelegatingDeserializer {

        InRange(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new InRange(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            Integer year = yearOf(value);
            if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
                return ctxt.reportInputMismatch(handledType(), REFUSED + "the year must lie between %d and %d", FIRST_YEAR, LAST_YEAR);
            }
            return value;
        }
    }

    /** The year of a java.time value, or null for anything else. */
    public static Integer yearOf(Object value) {
        if (value instanceof LocalDate date) {
            return date.getYear();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.getYear();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.getYear();
        }
        if (value instanceof YearMonth month) {
            return month.getYear();
        }
        if (value instanceof Instant instant) {
            if (instant.isBefore(Instant.parse("1900-01-01T00:00:00Z")) || instant.isAfter(Instant.parse("2199-12-31T23:59:59Z"))) {
                return instant.isBefore(Instant.EPOCH) ? FIRST_YEAR - 1 : LAST_YEAR + 1;
            }
            return instant.atOffset(ZoneOffset.UTC).getYear();
        }
        return null;
    }
}
