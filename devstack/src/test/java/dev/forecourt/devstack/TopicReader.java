package dev.forecourt.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics from the beginning as an external consumer, keeping each record's
 * CloudEvents id, type and subject ({@code ce_*} headers): enough to count, per aggregate, the
 * distinct events on Kafka and the redeliveries.
 */
final class TopicReader implements AutoCloseable {

    record Event(String id, String type, String subject) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Event> seen = new ArrayList<>();

    TopicReader(String bootstrapServers, Collection<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-check-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.copyOf(topics));
    }

    /** Reads until every one of these event ids has been seen, or the time is up; returns the ids still missing. */
    Set<String> awaitIds(Set<String> ids, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Set<String> missing = new HashSet<>(ids);
        seen.forEach(e -> missing.remove(e.id()));
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (Event event : poll()) {
                missing.remove(event.id());
            }
        }
        return missing;
    }

    /** Reads until these subjects each have at least one event of this type, or the time is up; returns those without. */
    Set<String> awaitSubjects(Set<String> subjects, String type, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Set<String> missing = new HashSet<>(subjects);
        seen.stream().filter(e -> e.type().equals(type)).forEach(e -> missing.remove(e.subject()));
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (Event event : poll()) {
                if (event.type().equals(type)) {
                    missing.remove(event.subject());
                }
            }
        }
        return missing;
    }

    /** Keeps reading for a while (late redeliveries), then returns everything about these subjects. */
    List<Event> about(Set<String> subjects, Duration linger) {
        long deadline = System.nanoTime() + linger.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return seen.stream().filter(e -> subjects.contains(e.subject())).toList();
    }

    /** Records per event id, for these events: more than one means Kafka holds a redelivery. */
    static Map<String, Integer> copiesById(List<Event> events) {
        Map<String, Integer> copies = new HashMap<>();
        events.forEach(e -> copies.merge(e.id(), 1, Integer::sum));
        return copies;
    }

    private List<Event> poll() {
        List<Event> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
            batch.add(new Event(header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_subject")));
        }
        seen.addAll(batch);
        return batch;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
