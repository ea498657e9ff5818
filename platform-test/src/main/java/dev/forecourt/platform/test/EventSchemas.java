package dev.forecourt.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks published events against the JSON Schemas of the AsyncAPI documentation: each topic
 * family has {@code docs/events/<family>.yaml}, whose {@code components.messages} carry the
 * CloudEvents type as {@code name} and the data's schema as {@code payload}; {@code docs/events.yaml}
 * gathers them into one AsyncAPI document. A test that publishes an event calls
 * {@link #assertValid(EventProbe.ReceivedEvent)}, so the documentation cannot drift from the code.
 */
public final class EventSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static Map<String, JsonSchema> schemas;

    private EventSchemas() {
    }

    public static void assertValid(EventProbe.ReceivedEvent event) {
        assertValid(event.type(), event.data().toString());
    }

    public static void assertValid(String type, String dataJson) {
        JsonSchema schema = schemas().get(type);
        if (schema == null) {
            throw new AssertionError("No schema for event type " + type + " in docs/events/*.yaml");
        }
        try {
            Set<ValidationMessage> problems = schema.validate(JSON.readTree(dataJson));
            if (!problems.isEmpty()) {
                throw new AssertionError(type + " does not match its documented schema: " + problems + "\n" + dataJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every documented event type. */
    public static Set<String> documentedTypes() {
        return schemas().keySet();
    }

    private static synchronized Map<String, JsonSchema> schemas() {
        if (schemas == null) {
            Map<String, JsonSchema> found = new HashMap<>();
            try (Stream<Path> files = Files.list(docsEvents())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).collect(Collectors.toList())) {
                    JsonNode messages = YAML.readTree(file.toFile()).path("components").path("messages");
                    messages.properties().forEach(message -> {
                        String type = message.getValue().path("name").asText();
                        JsonNode payload = message.getValue().path("payload");
                        if (!type.isEmpty() && !payload.isMissingNode()) {
                            found.put(type, FACTORY.getSchema(payload));
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schemas = found;
        }
        return schemas;
    }

    /** docs/events of the repository, found from the module's working directory upwards. */
    static Path docsEvents() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }
}
