package dev.forecourt.workshop.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.forecourt.platform.test.ForecourtTestStack;

/** hr-service's employee events, published as hr-service would (binary-mode CloudEvents). */
public final class HrEvents {

    private HrEvents() {
    }

    public static void hired(String employeeId, String username, String... skills) {
        String skillJson = Arrays.stream(skills).map(s -> "{\"skill\":\"" + s + "\",\"level\":\"senior\"}").collect(Collectors.joining(","));
        publish("forecourt.hr.employee-hired.v1", employeeId, """
                {"employeeId":"%s","username":"%s","name":"%s","positionCode":"technician","departmentCode":"workshop",
                 "skills":[%s],"active":true}""".formatted(employeeId, username, username, skillJson));
    }

    public static void left(String employeeId, String username) {
        publish("forecourt.hr.employee-left.v1", employeeId,
                "{\"employeeId\":\"%s\",\"username\":\"%s\",\"leftOn\":\"2026-11-20\"}".formatted(employeeId, username));
    }

    private static void publish(String type, String subject, String data) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ForecourtTestStack.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("forecourt.hr.events", subject, data.getBytes(StandardCharsets.UTF_8));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "/stores/store-001/hr-service");
            header(record, "ce_subject", subject);
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_storeid", "store-001");
            header(record, "content-type", "application/json");
            producer.send(record);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
