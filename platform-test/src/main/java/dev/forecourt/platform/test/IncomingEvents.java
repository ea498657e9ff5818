package dev.forecourt.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.forecourt.platform.events.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes another service's event into the test broker exactly as that service's relay would
 * (CloudEvents binary mode, on the type's topic, keyed by subject), after checking its data
 * against the producer's schema in {@code docs/events/*.yaml}: a consumer test cannot feed a
 * consumer JSON the producer never sends.
 *
 * <pre>{@code
 * String id = IncomingEvents.of("forecourt.hr.employee-left.v1", "emp-7", json).publish();
 * IncomingEvents.of(type, subject, json).at(yesterday).publish();          // an out-of-order event
 * IncomingEvents.of(type, subject, "{not json").unchecked().publish();      // a poison message
 * }</pre>
 */
public final class IncomingEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    private final String type;
    private final String subject;
    private final String data;
    private String id = UUID.randomUUID().toString();
    private String storeId = TestTokens.STORE_ID;
    private Instant time = Instant.now();
    private boolean checked = true;

    private IncomingEvents(String type, String subject, String data) {
        this.type = type;
        this.subject = subject;
        this.data = data;
    }

    /** @param data the event's data: a JSON string, or a record/map written as JSON */
    public static IncomingEvents of(String type, String subject, Object data) {
        return new IncomingEvents(type, subject, data instanceof String json ? json : JSON.writeValueAsString(data));
    }

    /** Publishes with a fresh id, the test store and now; returns the event id. */
    public static String publish(String type, String subject, Object data) {
        return of(type, subject, data).publish();
    }

    public IncomingEvents id(String eventId) {
        this.id = eventId;
        return this;
    }

    public IncomingEvents store(String store) {
        this.storeId = store;
        return this;
    }

    public IncomingEvents at(Instant occurredAt) {
        this.time = occurredAt;
        return this;
    }

    /** Skips the schema check: only for tests of what a consumer does with a malformed event. */
    public IncomingEvents unchecked() {
        this.checked = false;
        return this;
    }

    /** @return the event id */
    public String publish() {
        if (checked) {
            EventSchemas.assertValid(type, data);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.topicOf(type), subject,
                data.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/stores/" + storeId + "/" + type.split("\\.")[1] + "-service");
        header(record, "ce_subject", subject);
        header(record, "ce_time", time.toString());
        header(record, "ce_storeid", storeId);
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + type, e.getCause());
        }
        return id;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ForecourtTestStack.bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config);
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
