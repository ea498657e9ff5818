package dev.forecourt.gateway.departures;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads hr's {@code forecourt.hr.employee-left.v1} events (CloudEvents in Kafka binary mode, on
 * {@code forecourt.hr.events}) into {@link DepartedStaff}, on a thread of its own so that start-up
 * never waits for Kafka. Every gateway instance reads every partition (assigned, no consumer group,
 * nothing committed); on start it seeks each partition to the first event of the last
 * {@code token-lifetime} (plus the clock skew), which rebuilds the deny-list, then follows new events.
 * Without Kafka it keeps retrying in the background, with a warning; the gateway serves meanwhile
 * (the services check tokens again).
 */
public class DepartedStaffListener implements SmartLifecycle {

    static final String EMPLOYEE_LEFT = "forecourt.hr.employee-left.v1";
    private static final Log log = LogFactory.getLog(DepartedStaffListener.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DepartedStaff departed;
    private final String bootstrapServers;
    private final String topic;
    private final String storeId;
    private final Duration tokenLifetime;
    private final Clock clock;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public DepartedStaffListener(DepartedStaff departed, String bootstrapServers, String topic, String storeId,
                                 Duration tokenLifetime, Clock clock) {
        this.departed = departed;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.storeId = storeId;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "departed-staff");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config())) {
                consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                if (partitions.isEmpty()) {
                    pause(Duration.ofSeconds(5)); // hr has not published yet: the topic does not exist
                    continue;
                }
                kafka.assign(partitions);
                seekToLastTokenLifetime(kafka, partitions);
                log.info("Following " + EMPLOYEE_LEFT + " on " + topic + " (" + partitions.size() + " partitions)");
                warned = false;
                follow(kafka);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (!warned && running) {
                    log.warn("Cannot read " + topic + " from " + bootstrapServers + " (retrying): " + e);
                    warned = true;
                }
                pause(Duration.ofSeconds(5));
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void seekToLastTokenLifetime(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        long since = clock.instant().minus(tokenLifetime).minus(DepartedStaff.SKEW).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(query, Duration.ofSeconds(10));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset != null) {
                kafka.seek(partition, offset.offset());
            } else {
                kafka.seekToEnd(List.of(partition)); // nothing that recent on this partition
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        Instant nextPurge = clock.instant().plus(tokenLifetime);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
                apply(record);
            }
            if (clock.instant().isAfter(nextPurge)) {
                departed.purge();
                nextPurge = clock.instant().plus(tokenLifetime);
            }
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        if (!EMPLOYEE_LEFT.equals(header(record, "ce_type"))) {
            return;
        }
        String store = header(record, "ce_storeid");
        if (store != null && !store.equals(storeId)) {
            return; // the dealer group shares the cluster: another store's employee
        }
        try {
            JsonNode data = JSON.readTree(record.value());
            JsonNode employeeId = data.get("employeeId");
            if (employeeId == null || !employeeId.isString() || employeeId.asString().isBlank()) {
                log.warn("Ignored an " + EMPLOYEE_LEFT + " without employeeId (" + record.topic() + "@" + record.offset() + ")");
                return;
            }
            String time = header(record, "ce_time");
            Instant when = time != null ? Instant.parse(time) : Instant.ofEpochMilli(record.timestamp());
            departed.left(employeeId.asString(), when);
            log.info("Tokens of departed employee " + employeeId.asString() + " are refused from now on");
        } catch (RuntimeException e) {
            log.warn("Ignored an unreadable " + EMPLOYEE_LEFT + " (" + record.topic() + "@" + record.offset() + "): " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + storeId + "-departed-staff");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        return config;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
