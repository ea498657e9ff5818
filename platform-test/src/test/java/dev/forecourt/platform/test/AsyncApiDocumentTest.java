package dev.forecourt.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** docs/events.yaml gathers every family's document, and each family documents its events completely. */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theRootDocumentReferencesEveryChannelOfEveryFamily() throws IOException {
        Path events = EventSchemas.docsEvents();
        JsonNode root = YAML.readTree(events.getParent().resolve("events.yaml").toFile());
        assertThat(root.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> referenced = new ArrayList<>();
        root.path("channels").forEach(channel -> referenced.add(channel.path("$ref").asText()));

        for (Path family : families(events)) {
            String name = family.getFileName().toString().replace(".yaml", "");
            JsonNode channels = YAML.readTree(family.toFile()).path("channels");
            assertThat(channels.size()).as("channels of %s", family).isPositive();
            channels.properties().forEach(channel -> {
                assertThat(referenced).contains("./events/" + name + ".yaml#/channels/" + channel.getKey());
                assertThat(channel.getValue().path("address").asText()).isEqualTo("forecourt." + name + ".events");
            });
        }
    }

    @Test
    void everyMessageNamesItsCloudEventsTypeAndHasASchema() throws IOException {
        for (Path family : families(EventSchemas.docsEvents())) {
            String name = family.getFileName().toString().replace(".yaml", "");
            JsonNode document = YAML.readTree(family.toFile());
            JsonNode messages = document.path("components").path("messages");
            assertThat(messages.size()).as("messages of %s", family).isPositive();
            messages.properties().forEach(message -> {
                assertThat(message.getValue().path("name").asText())
                        .as("type of %s", message.getKey()).matches("forecourt\\." + name + "\\.[a-z0-9-]+\\.v\\d+");
                assertThat(message.getValue().path("payload").path("type").asText()).as("payload of %s", message.getKey()).isEqualTo("object");
            });
            document.path("channels").forEach(channel -> channel.path("messages").forEach(ref ->
                    assertThat(messages.has(ref.path("$ref").asText().replace("#/components/messages/", ""))).isTrue()));
        }
        assertThat(EventSchemas.documentedTypes()).contains("forecourt.sales.vehicle-delivered.v1",
                "forecourt.workshop.repair-order-handed-over.v1", "forecourt.parts.parts-issued.v1");
    }

    private static List<Path> families(Path events) throws IOException {
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
