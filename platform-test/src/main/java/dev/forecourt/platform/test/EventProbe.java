package dev.forecourt.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a topic from the beginning as an external client would, decoding records with the
 * CloudEvents SDK's Kafka binding (binary mode): what it can read, analysts can read.
 */
public final class EventProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ReceivedEvent> seen = new ArrayList<>();

    private EventProbe(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
    }

    /** A probe on the test stack's broker. */
    public static EventProbe on(String topic) {
        return new EventProbe(ForecourtTestStack.bootstrapServers(), topic);
    }

    public static EventProbe on(String bootstrapServers, String topic) {
        return new EventProbe(bootstrapServers, topic);
    }

    /** Waits (up to 20 s) for an event of this type about this aggregate. */
    public ReceivedEvent await(String type, String subject) {
        return await(e -> e.type().equals(type) && subject.equals(e.subject()), type + " about " + subject);
    }

    public ReceivedEvent await(Predicate<ReceivedEvent> matching, String description) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ReceivedEvent event : seen) {
                if (matching.test(event)) {
                    return event;
                }
            }
            poll();
        }
        throw new AssertionError("No event " + description + " within 20 s; seen: " + seen.stream().map(ReceivedEvent::type).toList());
    }

    /** Everything read so far about this aggregate, in order, after waiting briefly for stragglers. */
    public List<ReceivedEvent> about(String subject) {
        poll();
        return seen.stream().filter(e -> subject.equals(e.subject())).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
            CloudEvent event = record.value();
            String data = event.getData() == null ? "null" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            seen.add(new ReceivedEvent(event, record.key(), parse(data)));
        }
    }

    /** Data that is not JSON (a poison message in a dead-letter topic) is kept as a string node. */
    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (tools.jackson.core.JacksonException notJson) {
            return JSON.getNodeFactory().stringNode(data);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** A CloudEvent as read from Kafka, with its JSON data. */
    public record ReceivedEvent(CloudEvent cloudEvent, String key, JsonNode data) {

        public String type() {
            return cloudEvent.getType();
        }

        public String subject() {
            return cloudEvent.getSubject();
        }

        public String id() {
            return cloudEvent.getId();
        }

        public Object extension(String name) {
            return cloudEvent.getExtension(name);
        }
    }
}
